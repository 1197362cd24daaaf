// Back office: one achievement — its definition, its automatic award rule (editable by its unit's staff, with
// the version it was loaded with), the manual award form (recipient's e-mail and a reason), and who holds it,
// with revocation for managers and administrators.
import { formatDate } from '../../../lib/dates.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import {
  canRevoke,
  mayEditRule,
  rulePathOptions,
} from '../../../modules/credentials/credentials.pages.server.ts';
import { ManualAwardSchema, RevokeSchema } from '../../../modules/credentials/credentials.schemas.server.ts';
import {
  awardManually,
  getAchievement,
  revokeAward,
  updateAwardRule,
} from '../../../modules/credentials/credentials.usecases.server.ts';
import { CHOOSABLE_RULE_KINDS } from '../../../modules/credentials/credentials.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceFormAfter } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import {
  conflictForm,
  conflictOf,
  formVersion,
  submittedOf,
  versionForForm,
} from '../../ui/version-forms.ts';
import { RuleFields } from '../RuleFields.tsx';
import { readRuleForm, ruleFormValues } from '../rule-form.server.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { achievement: a, awards } = await getAchievement(deps, actor, params.id);
    const editRule = mayEditRule(actor, a.unitId);
    return {
      rule: {
        editable: editRule,
        version: a.version,
        values: ruleFormValues(a.awardRule),
        paths: editRule ? await rulePathOptions(deps, actor) : [],
      },
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

/** The award-rule form: all its problems at once, a stale version answered with both versions side by side. */
async function saveRule(
  deps: Parameters<typeof updateAwardRule>[0],
  actor: Parameters<typeof updateAwardRule>[1],
  id: string,
  form: FormData,
) {
  const read = readRuleForm(form, ['intent', 'version'], 'rule-');
  const version = formVersion(form);
  const values = { ...read.values, version: String(version) };
  if (!read.ok) return invalid(read.errors, values);
  try {
    await updateAwardRule(deps, actor, id, { version, awardRule: read.rule });
    return { ok: true as const, key: 'credentials.admin.ruleSaved' as const, errors: undefined, values: {} };
  } catch (e) {
    if (isVersionConflict(e)) {
      const { achievement: now } = await getAchievement(deps, actor, id);
      return conflictForm(
        values,
        { version: now.version, saved: ruleFormValues(now.awardRule) },
        'rule-ruleKind',
      );
    }
    return failure(e, values, 'rule-rulePath');
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  if (formText(form, 'intent') === 'rule') return saveRule(deps, actor, params.id, form);
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
  const { achievement: a, awards, mayRevoke, done, rule } = loaderData;
  const v: Partial<Record<string, string>> = actionData?.values ?? {};
  const ruleSubmitted = v.ruleKind !== undefined;
  const ruleValues = ruleSubmitted && !actionData?.ok ? v : rule.values;
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
      {rule.editable ? (
        <section aria-labelledby="rule-h">
          <h2 id="rule-h">{t('credentials.admin.ruleHeading')}</h2>
          <ConflictSummary
            conflict={conflictOf(actionData)}
            submitted={submittedOf(actionData)}
            labels={{
              ruleKind: t('credentials.field.ruleKind'),
              ruleCategory: t('credentials.field.ruleCategory'),
              ruleCount: t('credentials.field.ruleCount'),
              rulePath: t('credentials.field.rulePath'),
            }}
          />
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="rule" />
            <input type="hidden" name="version" value={versionForForm(rule.version, actionData)} />
            <RuleFields
              prefix="rule-"
              values={ruleValues}
              errors={ruleSubmitted ? actionData?.errors : undefined}
              paths={rule.paths}
              kinds={CHOOSABLE_RULE_KINDS}
            />
            <button type="submit">{t('credentials.admin.saveRule')}</button>
          </form>
        </section>
      ) : null}
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
