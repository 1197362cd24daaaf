// Back office: the "Công dân học tập" criteria of one year (administrators): a 100-point scheme, each
// criterion's weight (maximum points), minimum and source in the learning record, and the pass mark. The
// official criteria are unverified, so the defaults are marked as editable proposals. Saving is versioned (a
// stale form → 409 with the stored values beside the submitted ones); every problem is listed at once.
import { redirect } from 'react-router';
import { authorize } from '../../../app/policies.server.ts';
import { yearInVietnam } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { saveScheme, schemeFor } from '../../../modules/citizen/citizen.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError, fieldAria, SelectField, TextField } from '../../ui/Field.tsx';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { conflictForm, conflictOf, formVersion, versionForForm } from '../../ui/version-forms.ts';
import type { Route } from './+types/scheme.ts';
import { criterionValues, parseSchemeForm, type RowValues, readRows, SOURCES } from './scheme.server.ts';

const yearOf = (raw: string | null, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2020 && n <= 2100 ? n : fallback;
};

const BLANK: RowValues = {
  key: '',
  labelVi: '',
  labelEn: '',
  source: 'hours',
  pointsPerUnit: '1',
  max: '',
  min: '0',
  pathIds: '',
  remove: '',
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    authorize(actor, 'citizen.scheme.edit');
    const year = yearOf(new URL(request.url).searchParams.get('year'), yearInVietnam(deps.now()));
    const scheme = await schemeFor(deps, year);
    return {
      year,
      isDefault: scheme.isDefault,
      version: scheme.version,
      passTotal: String(scheme.passTotal),
      rows: [...scheme.criteria.map(criterionValues), BLANK],
      sources: [...SOURCES],
      notice: doneNotice(request.url, { saved: 'citizen.scheme.saved' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const year = yearOf(formText(form, 'year'), 0);
  const rows = readRows(form);
  const version = formVersion(form);
  const values = { rows, passTotal: formText(form, 'passTotal'), version: String(version) };
  try {
    authorize(actor, 'citizen.scheme.edit');
    if (!year) return invalid([{ key: 'citizen.scheme.invalid.year' }], {});
    const { scheme, errors } = parseSchemeForm(rows, values.passTotal);
    if (!scheme) return { ...(await invalidRows(errors, values)) };
    try {
      await saveScheme(deps, actor, year, scheme, version);
    } catch (e) {
      if (!isVersionConflict(e)) throw e;
      const now = await schemeFor(deps, year);
      const saved = {
        passTotal: String(now.passTotal),
        criteria: now.criteria.map((c) => `${c.labelVi}: ${c.min}–${c.max}`),
      };
      return conflictForm(values, { version: now.version, saved }, 'passTotal');
    }
    return redirect(`${localePath(locale, '/admin/citizen/scheme')}?year=${year}&done=saved`, 303);
  } catch (e) {
    return failure(e, {});
  }
}

const invalidRows = async (errors: Parameters<typeof invalid>[0], values: object) =>
  invalid(errors, values as Record<string, string>);

export default function SchemePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors;
  const posted = actionData?.values as { rows?: RowValues[]; passTotal?: string } | undefined;
  const rows = posted?.rows ?? loaderData.rows;
  const conflict = conflictOf(actionData);
  const y = loaderData.year;
  return (
    <>
      <title>{`${t('citizen.scheme.title', { year: y })} — Suốt Đời`}</title>
      <h1>{t('citizen.scheme.title', { year: y })}</h1>
      <p>{t('citizen.scheme.intro')}</p>
      <p>
        {[y - 1, y + 1].map((other) => (
          <a key={other} href={`?year=${other}`} className="secondary-link">
            {t('citizen.scheme.otherYear', { year: other })}{' '}
          </a>
        ))}
      </p>
      {loaderData.isDefault ? <p className="hint">{t('citizen.scheme.defaults')}</p> : null}
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} autoFocus />
      {conflict ? (
        <section className="conflict-summary" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('conflict.title')}</h2>
          <p>{t('conflict.intro')}</p>
          <p>
            {t('citizen.scheme.passTotal')}: {String(conflict.saved.passTotal ?? '')}
          </p>
          <ul>
            {[conflict.saved.criteria ?? []].flat().map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="post" className="form" noValidate>
        <input type="hidden" name="year" value={y} />
        <input type="hidden" name="rows" value={rows.length} />
        <input type="hidden" name="version" value={versionForForm(loaderData.version, actionData)} />
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (inputs are named c0, c1, …)
          <fieldset key={`${i}-${r.key}`} className="field">
            <legend>
              {r.key || i < rows.length - 1
                ? t('citizen.scheme.criterion', { n: i + 1 })
                : t('citizen.scheme.newCriterion')}
            </legend>
            {(
              [
                ['key', 'citizen.scheme.key'],
                ['labelVi', 'citizen.scheme.labelVi'],
                ['labelEn', 'citizen.scheme.labelEn'],
              ] as const
            ).map(([f, label]) => (
              <div className="field" key={f}>
                <label htmlFor={`c${i}-${f}`}>{t(label)}</label>
                <FieldError id={`c${i}-${f}`} errors={errors} />
                <input
                  id={`c${i}-${f}`}
                  name={`c${i}.${f}`}
                  defaultValue={r[f]}
                  maxLength={200}
                  {...fieldAria(`c${i}-${f}`, errors)}
                />
              </div>
            ))}
            <SelectField
              id={`c${i}-source`}
              label={t('citizen.scheme.source')}
              errors={errors}
              name={`c${i}.source`}
              defaultValue={r.source}
            >
              {loaderData.sources.map((s) => (
                <option key={s} value={s}>
                  {t(`citizen.scheme.sourceName.${s}`)}
                </option>
              ))}
            </SelectField>
            {(
              [
                ['pointsPerUnit', 'citizen.scheme.pointsPerUnit'],
                ['max', 'citizen.scheme.weight'],
                ['min', 'citizen.scheme.min'],
                ['pathIds', 'citizen.scheme.pathIds'],
              ] as const
            ).map(([f, label]) => (
              <div className="field" key={f}>
                <label htmlFor={`c${i}-${f}`}>{t(label)}</label>
                <FieldError id={`c${i}-${f}`} errors={errors} />
                <input
                  id={`c${i}-${f}`}
                  name={`c${i}.${f}`}
                  defaultValue={r[f]}
                  inputMode={f === 'pathIds' ? undefined : 'decimal'}
                  size={f === 'pathIds' ? 40 : 6}
                  {...fieldAria(`c${i}-${f}`, errors)}
                />
              </div>
            ))}
            {i < rows.length - 1 ? (
              <div className="field">
                <input
                  type="checkbox"
                  id={`c${i}-remove`}
                  name={`c${i}.remove`}
                  defaultChecked={r.remove === 'on'}
                />{' '}
                <label htmlFor={`c${i}-remove`}>{t('citizen.scheme.remove')}</label>
              </div>
            ) : null}
          </fieldset>
        ))}
        <TextField
          id="passTotal"
          label={t('citizen.scheme.passTotal')}
          errors={errors}
          hint={t('citizen.scheme.passHint')}
          name="passTotal"
          inputMode="numeric"
          size={6}
          defaultValue={posted?.passTotal ?? loaderData.passTotal}
        />
        <div>
          <button type="submit">{t('citizen.scheme.save')}</button>
        </div>
      </form>
    </>
  );
}
