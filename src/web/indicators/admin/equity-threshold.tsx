// Back office: the equity view's suppression threshold (focal point and administrators). A plain form: the
// number, its version (a stale save shows what is saved now), audited by the use case.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import {
  EQUITY_THRESHOLD_MAX,
  EQUITY_THRESHOLD_MIN,
  EquityThresholdSchema,
  readEquityThreshold,
  updateEquityThreshold,
} from '../../../modules/indicators/indicators.threshold.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
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
import type { Route } from './+types/equity-threshold.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return {
      ...(await readEquityThreshold(deps, actor)),
      min: EQUITY_THRESHOLD_MIN,
      max: EQUITY_THRESHOLD_MAX,
      notice: doneNotice(request.url, { saved: 'indicators.equity.threshold.saved' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const version = formVersion(form);
  const values = { threshold: formText(form, 'threshold').trim(), version: String(version) };
  const parsed = EquityThresholdSchema.safeParse({
    threshold: /^\d{1,4}$/.test(values.threshold) ? Number(values.threshold) : Number.NaN,
    version,
  });
  if (!parsed.success)
    return invalid(
      issuesToMessages(parsed.error, {
        threshold: { field: 'eq-threshold', key: 'indicators.equity.threshold.invalid' },
      }).map((m) =>
        m.field === 'eq-threshold'
          ? { field: m.field, key: 'indicators.equity.threshold.invalid' as const }
          : m,
      ),
      values,
    );
  try {
    await updateEquityThreshold(deps, actor, parsed.data);
    return redirect(`${localePath(locale, '/admin/indicators/equity/threshold')}?done=saved`, 303);
  } catch (e) {
    if (isVersionConflict(e)) {
      const now = await readEquityThreshold(deps, actor);
      return conflictForm(
        values,
        { version: now.version, saved: { threshold: String(now.threshold) } },
        'eq-threshold',
      );
    }
    return failure(e, values);
  }
}

export default function EquityThresholdPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const value = actionData?.values?.threshold ?? String(loaderData.threshold);
  return (
    <>
      <title>{`${t('indicators.equity.threshold.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/indicators/equity')}>{t('indicators.equity.title')}</a>
      </p>
      <h1>{t('indicators.equity.threshold.title')}</h1>
      <p>{t('indicators.equity.threshold.intro', { threshold: loaderData.threshold })}</p>
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={{ threshold: t('indicators.equity.threshold.label') }}
      />
      <form method="post" className="form" noValidate>
        <input type="hidden" name="version" value={versionForForm(loaderData.version, actionData)} />
        <TextField
          id="eq-threshold"
          label={t('indicators.equity.threshold.label')}
          hint={t('indicators.equity.threshold.hint', {
            min: loaderData.min,
            max: loaderData.max,
          })}
          errors={errors}
          name="threshold"
          type="number"
          inputMode="numeric"
          min={loaderData.min}
          max={loaderData.max}
          step={1}
          required
          defaultValue={value}
        />
        <div>
          <button type="submit">{t('indicators.equity.threshold.save')}</button>
        </div>
      </form>
    </>
  );
}
