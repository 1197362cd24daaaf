// A request about your personal data without an account (you registered for an event as a guest): choose what
// you ask for, give the phone or e-mail you used, and confirm with the code sent there. Two plain form posts, no
// JavaScript; the first answer is the same for every valid contact, whether or not we hold anything about it.
import { data } from 'react-router';
import { formatDateTime, formatIsoDay } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { CLIENT_IP_HEADER } from '../../../modules/auth/auth.client-ip.server.ts';
import {
  finishGuestRequest,
  startGuestRequest,
} from '../../../modules/privacy/privacy.guest.usecases.server.ts';
import type { RequestKind } from '../../../modules/privacy/privacy.repository.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { failure, formText, forwardActionHeaders } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/guest-request.ts';

// The confirmation of an access request carries the guest's download link: never stored by a cache.
export const headers: Route.HeadersFunction = (args) => {
  const h = forwardActionHeaders(args);
  h.set('Cache-Control', 'no-store');
  h.set('Referrer-Policy', 'no-referrer');
  return h;
};

const GUEST_KINDS: readonly RequestKind[] = ['access', 'correction', 'deletion', 'restriction', 'objection'];

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const ip = request.headers.get(CLIENT_IP_HEADER);
  const kindRaw = formText(form, 'kind');
  const kind = (GUEST_KINDS as readonly string[]).includes(kindRaw) ? (kindRaw as RequestKind) : null;
  const values = {
    step: 'start' as 'start' | 'code',
    kind: kind ?? '',
    contact: formText(form, 'contact').slice(0, 254),
    details: formText(form, 'details').slice(0, 4000),
  };
  if (!kind) {
    return data(
      { ok: false as const, errors: [{ field: 'dsr-kind', key: 'error.validation' as MessageKey }], values },
      { status: 422 },
    );
  }
  if (formText(form, 'intent') === 'verify') {
    try {
      const r = await finishGuestRequest(deps, {
        kind,
        contact: values.contact,
        details: values.details,
        code: formText(form, 'code').slice(0, 16),
        ip,
        locale,
      });
      return data({
        ok: true as const,
        errors: undefined,
        values,
        done: { ref: r.id, replyDue: formatIsoDay(r.replyDue), completeDue: formatIsoDay(r.completeDue) },
        exportLink: r.exportLink
          ? {
              base: `/privacy/export/${r.exportLink.token}`,
              until: formatDateTime(r.exportLink.expiresAt),
            }
          : null,
      });
    } catch (e) {
      return failure(e, { ...values, step: 'code' as const }, 'dsr-code');
    }
  }
  try {
    const contact = await startGuestRequest(deps, { contact: values.contact, ip, locale });
    return data({
      ok: true as const,
      errors: undefined,
      values: { ...values, step: 'code' as const, contact },
    });
  } catch (e) {
    return failure(e, values, 'dsr-contact');
  }
}

export default function GuestRequest({ actionData }: Route.ComponentProps) {
  const t = useT();
  const v = actionData?.values;
  const done = actionData && 'done' in actionData ? actionData.done : null;
  const link = actionData && 'exportLink' in actionData ? actionData.exportLink : null;
  return (
    <>
      <title>{`${t('privacy.guest.title')} — Suốt Đời`}</title>
      <h1>{t('privacy.guest.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {done ? (
        <>
          <p className="alert-ok" role="status">
            {t('privacy.guest.received', done)}
          </p>
          {link ? (
            <section aria-labelledby="dsr-export-h">
              <h2 id="dsr-export-h">{t('privacy.guestExport.heading')}</h2>
              <p>{t('privacy.guestExport.ready', { until: link.until })}</p>
              <p>
                <a href={`${link.base}/du-lieu-ca-nhan.json`} download>
                  {t('privacy.guestExport.json')}
                </a>
                {' · '}
                <a href={`${link.base}/du-lieu-ca-nhan.csv`} download>
                  {t('privacy.guestExport.csv')}
                </a>
              </p>
              <p className="hint">{t('privacy.guestExport.keep')}</p>
            </section>
          ) : null}
        </>
      ) : v?.step === 'code' ? (
        <>
          <p role="status">{t('privacy.guest.codeSent')}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="kind" value={v.kind} />
            <input type="hidden" name="contact" value={v.contact} />
            <input type="hidden" name="details" value={v.details} />
            <TextField
              id="dsr-code"
              label={t('privacy.guest.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              required
            />
            <div>
              <button type="submit">{t('privacy.guest.confirm')}</button>
            </div>
          </form>
        </>
      ) : (
        <>
          <p>{t('privacy.guest.lead')}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="send" />
            <SelectField
              id="dsr-kind"
              label={t('privacy.field.kind')}
              name="kind"
              required
              defaultValue={v?.kind ?? ''}
            >
              <option value="" disabled>
                {t('privacy.field.kindChoose')}
              </option>
              {GUEST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`privacy.kind.${k}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            <div className="field">
              <label htmlFor="dsr-contact">{t('privacy.guest.contact')}</label>
              <input
                id="dsr-contact"
                name="contact"
                required
                maxLength={254}
                autoComplete="email"
                defaultValue={v?.contact ?? ''}
                aria-describedby="dsr-contact-hint"
              />
              <p id="dsr-contact-hint" className="hint">
                {t('privacy.guest.contactHint')}
              </p>
            </div>
            <TextArea
              id="dsr-details"
              label={t('privacy.field.details')}
              name="details"
              rows={3}
              maxLength={4000}
              defaultValue={v?.details}
            />
            <div>
              <button type="submit">{t('privacy.guest.send')}</button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
