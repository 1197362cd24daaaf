// Back office: how long each kind of personal data is kept (every module's retention rules), editable by
// administrators (versioned: a stale form gets 409 with both versions side by side), with the dry run of the
// next daily purge: how many records each rule would delete or anonymise now.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import {
  checkRetention,
  MAX_RETENTION_DAYS,
  retentionOverview,
  updateRetention,
} from '../../../modules/privacy/privacy.retention.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
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
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';
import type { Route } from './+types/retention.ts';

const fieldId = (category: string) => `ret-${category.replace(/[^a-z0-9]+/gi, '-')}`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { lines, version } = await retentionOverview(deps, actor);
    return {
      lines,
      version,
      max: MAX_RETENTION_DAYS,
      notice: doneNotice(request.url, { saved: 'privacy.retention.saved' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  try {
    const { lines } = await retentionOverview(deps, actor);
    const days: Record<string, string> = Object.fromEntries(
      lines.map((l) => [l.category, formText(form, l.category)]),
    );
    const version = formVersion(form);
    const values: Record<string, string> = { ...days, version: String(version) };
    const { problems } = await checkRetention(days);
    if (problems.length)
      return invalid(
        problems.map((p) => ({ field: fieldId(p.category), key: p.key, params: p.params })),
        values,
      );
    try {
      await updateRetention(deps, actor, { version, days });
    } catch (e) {
      if (!isVersionConflict(e)) throw e;
      const now = await retentionOverview(deps, actor);
      const saved = Object.fromEntries(now.lines.map((l) => [l.category, String(l.days)]));
      return conflictForm(values, { version: now.version, saved }, fieldId(lines[0]?.category ?? ''));
    }
    return redirect(`${localePath(locale, '/admin/privacy/retention')}?done=saved`, 303);
  } catch (e) {
    return failure(e, {});
  }
}

export default function RetentionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors;
  const submitted = actionData?.values as Record<string, string> | undefined;
  return (
    <>
      <title>{`${t('privacy.retention.title')} — Suốt Đời`}</title>
      <h1>{t('privacy.retention.title')}</h1>
      <p>{t('privacy.retention.intro')}</p>
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} autoFocus />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={Object.fromEntries(loaderData.lines.map((l) => [l.category, t(l.label)]))}
      />
      <form method="post" className="form" noValidate>
        <input type="hidden" name="version" value={versionForForm(loaderData.version, actionData)} />
        {loaderData.lines.map((l) => {
          const id = fieldId(l.category);
          return (
            <fieldset key={l.category} className="field">
              <legend>{t(l.label)}</legend>
              <p className="hint" id={`${id}-basis`}>
                {t('privacy.retention.basis')}: {t(l.basis)}
              </p>
              <p className="hint" id={`${id}-hint`}>
                {t('privacy.retention.action')}: {t(`privacy.retention.action.${l.action}`)}.{' '}
                {t('privacy.retention.range', {
                  min: l.minDays,
                  max: loaderData.max,
                  default: l.defaultDays,
                })}
              </p>
              <label htmlFor={id}>{t('privacy.retention.daysFor', { label: t(l.label) })}</label>
              <FieldError id={id} errors={errors} />
              <input
                id={id}
                name={l.category}
                inputMode="numeric"
                size={8}
                defaultValue={submitted?.[l.category] ?? String(l.days)}
                {...fieldAria(id, errors, `${id}-hint ${id}-basis`)}
              />
              <p data-due={l.category}>
                {t('privacy.retention.due')}:{' '}
                <strong>{t('privacy.retention.dueCount', { count: l.due })}</strong>
              </p>
            </fieldset>
          );
        })}
        <div>
          <button type="submit">{t('privacy.retention.save')}</button>
        </div>
      </form>
    </>
  );
}
