// The signed-in person's account: who they are, two-step verification status, a password change (which can
// sign out every other device), and every device signed in (revoke one, or sign out everywhere else).
import { data, redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  changeMyPassword,
  listMySessions,
  revokeMyOtherSessions,
  revokeMySession,
} from '../../../modules/auth/auth.usecases.server.ts';
import { describeUserAgent } from '../../../modules/auth/auth.user-agent.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { cookieHeaders, failure, formText, forwardActionHeaders, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/account.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];
export const headers: Route.HeadersFunction = forwardActionHeaders;

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (actor.kind !== 'user') throw new Response(null, { status: 401 });
  const sessions = await listMySessions(deps, actor);
  return {
    profile: {
      name: actor.name,
      email: actor.email,
      twoFactorEnabled: actor.twoFactorEnabled,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      device: describeUserAgent(s.userAgent),
      ipAddress: s.ipAddress,
      createdAt: formatDateTime(s.createdAt),
      lastSeenAt: formatDateTime(s.lastSeenAt),
      current: s.current,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  try {
    if (intent === 'change-password') return await changePassword(form, deps, actor, request.headers);
    if (intent === 'revoke-others') {
      const revoked = await revokeMyOtherSessions(deps, actor);
      return { ok: true as const, notice: 'others' as const, revoked, errors: undefined };
    }
    if (intent === 'revoke') {
      const sessionId = formText(form, 'sessionId');
      await revokeMySession(deps, actor, sessionId);
      if (actor.kind === 'user' && sessionId === actor.sessionId) {
        throw redirect(localePath(locale, '/sign-in'));
      }
      return { ok: true as const, notice: 'one' as const, revoked: 1, errors: undefined };
    }
  } catch (e) {
    if (e instanceof Response) throw e;
    return failure(e, {});
  }
  return invalid([{ key: 'error.validation' }], {});
}

async function changePassword(
  form: FormData,
  deps: Parameters<typeof changeMyPassword>[0],
  actor: Parameters<typeof changeMyPassword>[1],
  requestHeaders: Headers,
) {
  const currentPassword = formText(form, 'currentPassword');
  const newPassword = formText(form, 'password');
  if (!currentPassword) {
    return invalid([{ field: 'account-current-password', key: 'auth.twoFactorSetup.passwordMissing' }], {});
  }
  if (!newPassword) {
    return invalid([{ field: 'account-new-password', key: 'auth.error.passwordTooShort' }], {});
  }
  if (newPassword !== formText(form, 'confirm')) {
    return invalid([{ field: 'account-confirm-password', key: 'auth.reset.mismatch' }], {});
  }
  try {
    const result = await changeMyPassword(deps, actor, {
      currentPassword,
      newPassword,
      // An unticked checkbox sends nothing; the box is ticked when the page is shown.
      signOutOthers: formText(form, 'signOutOthers') === 'on',
      headers: requestHeaders,
    });
    return data(
      { ok: true as const, notice: 'password' as const, revoked: 0, errors: undefined },
      { headers: cookieHeaders(result.setCookies) },
    );
  } catch (e) {
    return failure(e, {}, 'account-current-password');
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { profile, sessions } = loaderData;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <title>{`${t('auth.account.title')} — Suốt Đời`}</title>
      <h1>{t('auth.account.title')}</h1>
      <ErrorSummary errors={actionData?.ok ? undefined : actionData?.errors} />
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {actionData.notice === 'password'
            ? t('auth.account.passwordChanged')
            : actionData.notice === 'others'
              ? t('auth.account.revokedOthers', { count: actionData.revoked })
              : t('auth.account.revokedOne')}
        </p>
      ) : null}
      <section aria-labelledby="account-profile">
        <h2 id="account-profile">{t('auth.account.profile')}</h2>
        <dl className="summary-list">
          <dt>{t('auth.field.name')}</dt>
          <dd>{profile.name}</dd>
          <dt>{t('auth.field.email')}</dt>
          <dd>{profile.email}</dd>
          <dt>{t('auth.account.twoFactor')}</dt>
          <dd>
            {profile.twoFactorEnabled ? t('auth.account.twoFactorOn') : t('auth.account.twoFactorOff')} —{' '}
            <a href={href('/account/two-factor')}>{t('auth.account.twoFactorManage')}</a>
          </dd>
        </dl>
        <p>
          <a href={href('/account/notifications')}>{t('notifications.title')}</a>
          {' · '}
          <a href={href('/account/follows')}>{t('follows.accountLink')}</a>
          {' · '}
          <a href={href('/account/credentials')}>{t('credentials.accountLink')}</a>
          {' · '}
          <a href={href('/account/privacy')}>{t('privacy.account.title')}</a>
        </p>
      </section>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{t('auth.account.changePassword')}</h2>
        <form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="change-password" />
          <TextField
            id="account-current-password"
            label={t('auth.field.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            maxLength={1024}
            required
          />
          <TextField
            id="account-new-password"
            label={t('auth.field.newPassword')}
            hint={t('auth.passwordRules')}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={1024}
            required
          />
          <TextField
            id="account-confirm-password"
            label={t('auth.field.confirmPassword')}
            name="confirm"
            type="password"
            autoComplete="new-password"
            maxLength={1024}
            required
          />
          <div className="field checkbox-field">
            <input id="account-sign-out-others" name="signOutOthers" type="checkbox" defaultChecked />
            <label htmlFor="account-sign-out-others">{t('auth.account.signOutOthers')}</label>
          </div>
          <div>
            <button type="submit">{t('auth.account.changePasswordSubmit')}</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t('auth.account.sessions')}</h2>
        <div className="table-wrap">
          <table>
            <caption>{t('auth.account.sessionsCaption', { count: sessions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.account.device')}</th>
                <th scope="col">{t('auth.account.ip')}</th>
                <th scope="col">{t('auth.account.createdAt')}</th>
                <th scope="col">{t('auth.account.lastSeenAt')}</th>
                <th scope="col">{t('auth.account.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.device
                      ? t('auth.account.deviceName', { browser: s.device.browser, os: s.device.os })
                      : t('auth.account.unknownDevice')}
                    {s.current ? (
                      <>
                        {' '}
                        <span className="badge">{t('auth.account.thisDevice')}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{s.ipAddress ?? '—'}</td>
                  <td>{s.createdAt}</td>
                  <td>{s.lastSeenAt}</td>
                  <td>
                    <form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="secondary">
                        {s.current ? t('nav.signOut') : t('auth.account.revoke')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {others > 0 ? (
          <form method="post" className="form">
            <input type="hidden" name="intent" value="revoke-others" />
            <p>{t('auth.account.revokeOthersHint')}</p>
            <div>
              <button type="submit" className="danger">
                {t('auth.account.revokeOthers')}
              </button>
            </div>
          </form>
        ) : null}
      </section>
    </>
  );
}
