// Back office: one achievement — its definition, the manual award form (recipient's e-mail and a reason),
// and who holds it, with revocation for managers and administrators.
import { formatDate } from '../../../lib/dates.ts';
import { canRevoke } from '../../../modules/credentials/credentials.pages.server.ts';
import { ManualAwardSchema, RevokeSchema } from '../../../modules/credentials/credentials.schemas.server.ts';
import {
  awardManually,
  getAchievement,
  revokeAward,
} from '../../../modules/credentials/credentials.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceFormAfter } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { achievement: a, awards } = await getAchievement(deps, actor, params.id);
    return {
      achievement: {
        id: a.id,
        nameVi: a.nameVi,
        nameEn: a.nameEn,
        criteriaVi: a.criteriaVi,
        imageAlt: a.imageAlt,
      },
      awards: awards.map((w) => ({
        id: w.id,
        recipientName: w.recipientName,
        source: w.source,
        reason: w.reason,
        issuedAt: formatDate(w.issuedAt),
        revoked: Boolean(w.revokedAt),
      })),
      mayRevoke: canRevoke(actor, a.unitId),
      done: new URL(request.url).searchParams.get('done'),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = {
    recipientEmail: formText(form, 'recipientEmail'),
    reason: formText(form, 'reason'),
    revokeReason: formText(form, 'revokeReason'),
  };
  try {
    if (formText(form, 'intent') === 'revoke') {
      if (!RevokeSchema.safeParse({ reason: values.revokeReason }).success) {
        return invalid([{ field: `revoke-${formText(form, 'id')}`, key: 'error.validation' }], values);
      }
      await revokeAward(deps, actor, formText(form, 'id'), { reason: values.revokeReason });
      return { ok: true as const, key: 'credentials.admin.revoked' as const, errors: undefined, values: {} };
    }
    const parsed = ManualAwardSchema.safeParse({
      achievementId: params.id,
      recipientEmail: values.recipientEmail,
      reason: values.reason,
    });
    if (!parsed.success) {
      return invalid(
        parsed.error.issues.map((i) => ({
          field: `award-${String(i.path[0])}`,
          key: 'error.validation' as const,
        })),
        values,
      );
    }
    // Signing runs its own transaction: the form token is claimed after it (a double submit awards once).
    await onceFormAfter(deps, actor, 'credentials.award.create', form, () =>
      awardManually(deps, actor, parsed.data),
    );
    return { ok: true as const, key: 'credentials.admin.awarded' as const, errors: undefined, values: {} };
  } catch (e) {
    return failure(e, values, formText(form, 'intent') === 'revoke' ? undefined : 'award-recipientEmail');
  }
}

export default function AchievementDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { achievement: a, awards, mayRevoke, done } = loaderData;
  const v: Partial<Record<string, string>> = actionData?.values ?? {};
  return (
    <>
      <title>{`${a.nameVi} — ${t('credentials.admin.title')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/credentials')}>{t('credentials.admin.title')}</a>
      </p>
      <h1>{a.nameVi}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t(actionData.key)}
        </p>
      ) : done === 'created' ? (
        <p className="alert-ok" role="status">
          {t('credentials.admin.created')}
        </p>
      ) : null}
      <img src={`/credentials/achievements/${a.id}/image.svg`} alt={a.imageAlt} width={96} height={96} />
      <p>{a.criteriaVi}</p>
      <section aria-labelledby="award-h">
        <h2 id="award-h">{t('credentials.admin.awardHeading')}</h2>
        <form method="post" className="form">
          <FormToken />
          <input type="hidden" name="intent" value="award" />
          <TextField
            id="award-recipientEmail"
            label={t('credentials.field.recipientEmail')}
            name="recipientEmail"
            type="email"
            required
            autoComplete="off"
            defaultValue={v.recipientEmail}
          />
          <TextArea
            id="award-reason"
            label={t('credentials.field.reason')}
            name="reason"
            required
            minLength={2}
            maxLength={2000}
            rows={2}
            defaultValue={v.reason}
          />
          <button type="submit">{t('credentials.admin.award')}</button>
        </form>
      </section>
      <section aria-labelledby="awards-h">
        <h2 id="awards-h">{t('credentials.admin.awards')}</h2>
        {awards.length === 0 ? <p>{t('credentials.admin.noAwards')}</p> : null}
        <ul>
          {awards.map((w) => (
            <li key={w.id}>
              <a href={href(`/credentials/${w.id}`)}>{w.recipientName}</a> — {w.issuedAt} —{' '}
              {t(w.source === 'manual' ? 'credentials.admin.source.manual' : 'credentials.admin.source.rule')}
              {w.reason ? ` — ${w.reason}` : ''}
              {w.revoked ? ` — ${t('credentials.status.revoked')}` : ''}
              {mayRevoke && !w.revoked ? (
                <form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="id" value={w.id} />
                  <label htmlFor={`revoke-${w.id}`}>{t('credentials.field.revokeReason')}</label>{' '}
                  <input id={`revoke-${w.id}`} name="revokeReason" required minLength={2} maxLength={2000} />{' '}
                  <button type="submit" className="secondary">
                    {t('credentials.admin.revoke')}
                    <span className="visually-hidden">: {w.recipientName}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
