// Two-step verification (TOTP) for the signed-in person. Turning it on: confirm the password, scan the QR
// code (inline SVG made on the server) or type the secret, confirm with a first code, keep the backup codes.
// Turning it off needs the password. Staff may be sent here when the administrator requires it.
import { data } from 'react-router';
import { isStaff } from '../../../lib/staff.ts';
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  getRequireMfaForStaff,
  startTwoFactorSetup,
  totpSetupView,
} from '../../../modules/auth/auth.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import {
  cookieHeaders,
  type FormMessage,
  failure,
  formText,
  forwardActionHeaders,
  invalid,
} from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/account-two-factor.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

type Setup = { totpURI: string; secret: string; qrSvg: string };
type ActionResult =
  | { step: 'scan'; setup: Setup; errors?: FormMessage[] }
  | { step: 'enabled'; backupCodes: string[] }
  | { step: 'disabled' };

export const headers: Route.HeadersFunction = forwardActionHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (actor.kind !== 'user') throw new Response(null, { status: 401 });
  const required = isStaff(actor) && (await getRequireMfaForStaff(deps));
  return {
    enabled: actor.twoFactorEnabled,
    required,
    explain: new URL(request.url).searchParams.get('required') === '1' && !actor.twoFactorEnabled,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const password = formText(form, 'password');
  const headers = request.headers;
  if (intent === 'start' || intent === 'disable') {
    const field = intent === 'start' ? 'tfa-password' : 'tfa-disable-password';
    if (!password) return invalid([{ field, key: 'auth.twoFactorSetup.passwordMissing' }], {});
    try {
      if (intent === 'start') {
        const s = await startTwoFactorSetup(deps, actor, { password, headers });
        const result: ActionResult = {
          step: 'scan',
          setup: { totpURI: s.totpURI, secret: s.secret, qrSvg: s.qrSvg },
        };
        return result;
      }
      const done = await disableTwoFactor(deps, actor, { password, headers });
      return data<ActionResult>({ step: 'disabled' }, { headers: cookieHeaders(done.setCookies) });
    } catch (e) {
      return failure(e, {}, field);
    }
  }
  if (intent === 'confirm') {
    // The QR is shown again on a wrong code; verification itself uses the secret stored server-side.
    const uri = formText(form, 'totpURI');
    if (!uri.startsWith('otpauth://totp/')) return invalid([{ key: 'auth.error.twoFactorNotStarted' }], {});
    const setup = await totpSetupView(uri);
    const code = formText(form, 'code').replace(/\s+/g, '');
    const rescan = (errors: FormMessage[], status: number) =>
      data<ActionResult>({ step: 'scan', setup, errors }, { status });
    if (!/^\d{6}$/.test(code)) return rescan([{ field: 'tfa-code', key: 'auth.twoFactor.codeMissing' }], 422);
    try {
      const done = await confirmTwoFactorSetup(deps, actor, { code, headers });
      return data<ActionResult>(
        { step: 'enabled', backupCodes: done.backupCodes },
        { headers: cookieHeaders(done.setCookies) },
      );
    } catch (e) {
      const res = failure(e, {}, 'tfa-code');
      return rescan(res.data.errors, res.init?.status ?? 422);
    }
  }
  return invalid([{ key: 'error.validation' }], {});
}

function isResult(x: unknown): x is ActionResult {
  return typeof x === 'object' && x !== null && 'step' in x;
}

export default function AccountTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const result = isResult(actionData) ? actionData : undefined;
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined;
  const title = t('auth.twoFactorSetup.title');
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <h1>{title}</h1>
      {loaderData.explain ? (
        <p className="alert-error" role="alert">
          {t('auth.twoFactorSetup.requiredExplain')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {result?.step === 'enabled' ? (
        <>
          <p className="alert-ok" role="status">
            {t('auth.twoFactorSetup.enabled')}
          </p>
          <h2>{t('auth.twoFactorSetup.backupTitle')}</h2>
          <p>{t('auth.twoFactorSetup.backupIntro')}</p>
          <ul className="backup-codes">
            {result.backupCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <p>
            <a href={href('/account')}>{t('auth.account.title')}</a>
          </p>
        </>
      ) : result?.step === 'disabled' ? (
        <p className="alert-ok" role="status">
          {t('auth.twoFactorSetup.disabled')}
        </p>
      ) : result?.step === 'scan' ? (
        <>
          <h2>{t('auth.twoFactorSetup.scanTitle')}</h2>
          <p>{t('auth.twoFactorSetup.scanIntro')}</p>
          {/* The SVG is generated on the server by `qrcode` from our own otpauth URI. */}
          <div
            className="qr-code"
            role="img"
            aria-label={t('auth.twoFactorSetup.qrLabel')}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-generated QR SVG, no user input
            dangerouslySetInnerHTML={{ __html: result.setup.qrSvg }}
          />
          <p>
            {t('auth.twoFactorSetup.secretLabel')} <code className="secret">{result.setup.secret}</code>
          </p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="totpURI" value={result.setup.totpURI} />
            <TextField
              id="tfa-code"
              label={t('auth.field.totpCode')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              required
            />
            <div>
              <button type="submit">{t('auth.twoFactorSetup.confirm')}</button>
            </div>
          </form>
        </>
      ) : loaderData.enabled ? (
        <>
          <p>{t('auth.twoFactorSetup.isOn')}</p>
          {loaderData.required ? <p className="muted">{t('auth.twoFactorSetup.requiredNote')}</p> : null}
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="disable" />
            <TextField
              id="tfa-disable-password"
              label={t('auth.field.currentPassword')}
              name="password"
              type="password"
              autoComplete="current-password"
              maxLength={1024}
              required
            />
            <div>
              <button type="submit" className="danger">
                {t('auth.twoFactorSetup.disable')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <>
          <p>{t('auth.twoFactorSetup.intro')}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="start" />
            <TextField
              id="tfa-password"
              label={t('auth.field.currentPassword')}
              name="password"
              type="password"
              autoComplete="current-password"
              maxLength={1024}
              required
            />
            <div>
              <button type="submit">{t('auth.twoFactorSetup.start')}</button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
