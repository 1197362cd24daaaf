// "My personal data": download everything the platform holds about me (JSON, CSV) and file a request
// (correction, deletion, restriction, objection), acknowledged at once with its legal deadlines.
import { formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { myConsents, withdrawConsent } from '../../../modules/privacy/privacy.consents.usecases.server.ts';
import { myRequests, submitRequest } from '../../../modules/privacy/privacy.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/account-privacy.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

const KINDS = ['access', 'correction', 'deletion', 'restriction', 'objection'] as const;
type Kind = (typeof KINDS)[number];
/** Purposes with a label in the catalogue (others show their code). */
const PURPOSES = new Set(['learners.guardian', 'learners.child', 'events.registration', 'lrs.analytics']);

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const consents = await myConsents(deps, actor);
    const view = (e: (typeof consents.current)[number]) => ({
      id: e.id,
      learnerId: e.learnerId ?? '',
      learnerName: e.learnerName,
      purpose: e.purpose,
      action: e.action,
      version: e.noticeVersion,
      channel: e.channel,
      day: formatIsoDay(isoDateInVietnam(e.at)),
    });
    return {
      consents: consents.current.map(view),
      consentHistory: consents.history.map(view),
      requests: (await myRequests(deps, actor)).map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        replyDue: formatIsoDay(r.replyDue),
        completeDue: formatIsoDay(r.completeDue),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  if (formText(form, 'intent') === 'withdraw') {
    try {
      await withdrawConsent(deps, actor, {
        learnerId: formText(form, 'learnerId'),
        purpose: formText(form, 'purpose'),
      });
      return { ok: true as const, withdrawn: true as const, errors: undefined, values: {} };
    } catch (e) {
      return failure(e, {});
    }
  }
  const values = { kind: formText(form, 'kind'), details: formText(form, 'details') };
  if (!KINDS.includes(values.kind as Kind) || values.details.length > 4000) {
    return invalid([{ field: 'dsr-kind', key: 'error.validation' }], values);
  }
  try {
    const r = await onceForm(deps, actor, 'privacy.request.create', form, (d) =>
      submitRequest(d, actor, { kind: values.kind as Kind, details: values.details.trim() }),
    );
    return {
      ok: true as const,
      errors: undefined,
      values: {},
      replyDue: formatIsoDay(r.replyDue),
      completeDue: formatIsoDay(r.completeDue),
    };
  } catch (e) {
    return failure(e, values);
  }
}

export default function AccountPrivacy({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const v: Partial<Record<string, string>> = actionData?.values ?? {};
  const purposeLabel = (p: string) => (PURPOSES.has(p) ? t(`privacy.purpose.${p}` as MessageKey) : p);
  return (
    <>
      <title>{`${t('privacy.account.title')} — Suốt Đời`}</title>
      <h1>{t('privacy.account.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.ok && 'withdrawn' in actionData ? (
        <p className="alert-ok" role="status">
          {t('privacy.consents.withdrawn')}
        </p>
      ) : null}
      {actionData?.ok && 'replyDue' in actionData && actionData.replyDue ? (
        <p className="alert-ok" role="status">
          {t('privacy.account.received', {
            replyDue: actionData.replyDue,
            completeDue: actionData.completeDue ?? '',
          })}
        </p>
      ) : null}
      <section aria-labelledby="dsr-export-h">
        <h2 id="dsr-export-h">{t('privacy.account.exportHeading')}</h2>
        <p>{t('privacy.account.exportHelp')}</p>
        <p>
          <a href="/account/privacy/export.json" download>
            {t('privacy.account.exportJson')}
          </a>
          {' · '}
          <a href="/account/privacy/export.csv" download>
            {t('privacy.account.exportCsv')}
          </a>
        </p>
      </section>
      <section aria-labelledby="dsr-consents-h">
        <h2 id="dsr-consents-h">{t('privacy.consents.heading')}</h2>
        {loaderData.consents.length === 0 ? <p>{t('privacy.consents.none')}</p> : null}
        <ul>
          {loaderData.consents.map((c) => (
            <li key={c.id}>
              <strong>{purposeLabel(c.purpose)}</strong> — {c.learnerName} —{' '}
              {t('privacy.consents.given', { day: c.day, version: c.version })}
              <form method="post" className="inline-form">
                <FormToken />
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="learnerId" value={c.learnerId} />
                <input type="hidden" name="purpose" value={c.purpose} />
                <button type="submit" className="secondary">
                  {t('privacy.consents.withdraw')}
                </button>
              </form>
            </li>
          ))}
        </ul>
        {loaderData.consentHistory.length ? (
          <details>
            <summary>{t('privacy.consents.history')}</summary>
            <ul>
              {loaderData.consentHistory.map((c) => (
                <li key={c.id}>
                  {c.day} — {purposeLabel(c.purpose)} — {c.learnerName} —{' '}
                  {t(`privacy.consents.action.${c.action}` as MessageKey)} — {c.version}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="dsr-new-h">
        <h2 id="dsr-new-h">{t('privacy.account.requestHeading')}</h2>
        <form method="post" className="form">
          <FormToken />
          <SelectField
            id="dsr-kind"
            label={t('privacy.field.kind')}
            name="kind"
            required
            defaultValue={v.kind ?? ''}
          >
            <option value="" disabled>
              {t('privacy.field.kindChoose')}
            </option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`privacy.kind.${k}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <TextArea
            id="dsr-details"
            label={t('privacy.field.details')}
            name="details"
            maxLength={4000}
            rows={3}
            defaultValue={v.details}
          />
          <button type="submit">{t('privacy.account.submit')}</button>
        </form>
      </section>
      {loaderData.requests.length ? (
        <section aria-labelledby="dsr-mine-h">
          <h2 id="dsr-mine-h">{t('privacy.account.mine')}</h2>
          <ul>
            {loaderData.requests.map((r) => (
              <li key={r.id}>
                {t(`privacy.kind.${r.kind}` as MessageKey)} — {t(`privacy.status.${r.status}` as MessageKey)}{' '}
                — {t('privacy.due', { replyDue: r.replyDue, completeDue: r.completeDue })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
