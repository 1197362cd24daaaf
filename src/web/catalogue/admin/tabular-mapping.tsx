// Staff: the column-mapping screen of a draft spreadsheet import. One select per column (suggested from the
// header names), the unit, the default record type and publishing; "preview" saves the choices and shows the
// first rows exactly as the import will write them (or why not); "start" queues the import job.
import { data, redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { translator } from '../../../lib/i18n.server.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { RECORD_TYPES } from '../../../modules/catalogue/catalogue.vocab.ts';
import { importTargetUnits } from '../../../modules/catalogue/marc/import.server.ts';
import {
  cancelTabularImport,
  getTabularImport,
  type MappingInput,
  previewTabularImport,
  saveTabularMapping,
  startTabularImport,
} from '../../../modules/catalogue/tabular/csv.usecases.server.ts';
import { isTabularField } from '../../../modules/catalogue/tabular/vocabulary.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { FIELD_GROUPS, fieldLabel, previewView } from '../components/tabular-view.ts';
import type { Route } from './+types/tabular-mapping.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const job = await getTabularImport(deps, actor, params.importId);
    if (job.status !== 'draft')
      throw redirect(localePath(locale, `/admin/catalogue/import/tabular/${job.id}/progress`));
    const [units, preview] = await Promise.all([
      importTargetUnits(deps, actor),
      previewTabularImport(deps, actor, job.id),
    ]);
    const t = translator(locale);
    const examples = job.columns.map(
      (_, i) =>
        preview
          .map((p) => p.row.cells[i]?.trim())
          .find(Boolean)
          ?.slice(0, 80) ?? '',
    );
    return {
      job: {
        id: job.id,
        fileName: job.fileName,
        format: job.format,
        encoding: job.encoding,
        delimiter: job.delimiter === '\t' ? 'TAB' : job.delimiter,
        totalRows: job.totalRows,
        columns: job.columns.map((name, index) => ({ index, name })),
        mapping: job.mapping as Record<string, string>,
        unitId: job.unitId,
        publish: job.publish,
        defaultType: job.defaultType as string,
      },
      units,
      examples,
      preview: preview.map((p) => previewView(p, t)),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

function readInput(form: FormData): MappingInput {
  const mapping: Record<string, string> = {};
  for (const [name, value] of form) {
    const col = /^col-(\d{1,3})$/.exec(name)?.[1];
    if (col !== undefined && typeof value === 'string') mapping[col] = value;
  }
  return {
    mapping,
    unitId: formText(form, 'unitId'),
    publish: form.get('publish') === 'on',
    defaultType: formText(form, 'defaultType'),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const input = readInput(form);
  const base = `/admin/catalogue/import/tabular/${params.importId}`;
  try {
    if (intent === 'cancel') {
      await cancelTabularImport(deps, actor, params.importId);
      return redirect(localePath(locale, '/admin/catalogue/import/tabular'));
    }
    if (intent === 'start') {
      await startTabularImport(deps, actor, params.importId, input);
      return redirect(localePath(locale, `${base}/progress`));
    }
    await saveTabularMapping(deps, actor, params.importId, input);
    return { ok: true as const, errors: [] as FormMessage[], values: input };
  } catch (e) {
    if (!isAppError(e) || (e.status !== 422 && e.status !== 409 && e.status !== 403)) rethrowForPage(e);
    const t = translator(locale);
    const field = e.params?.field;
    const message: FormMessage = {
      key: e.status === 403 ? 'catalogueTabular.error.unit' : e.messageKey,
      ...(e.params
        ? {
            params: {
              ...e.params,
              ...(typeof field === 'string' && isTabularField(field) ? { field: t(fieldLabel(field)) } : {}),
            },
          }
        : {}),
    };
    return data({ ok: false as const, errors: [message], values: input }, { status: e.status });
  }
}

export default function CatalogueTabularMapping({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { job, units, examples, preview } = loaderData;
  const values = actionData?.values;
  const mapping = values?.mapping ?? job.mapping;
  const format =
    job.format === 'csv'
      ? t('catalogueTabular.mapping.format.csv', {
          encoding: job.encoding ?? '',
          delimiter: job.delimiter ?? '',
        })
      : t('catalogueTabular.mapping.format.xlsx');
  return (
    <>
      <title>{`${t('catalogueTabular.mapping.title', { file: job.fileName })} — Suốt Đời`}</title>
      <h1>{t('catalogueTabular.mapping.title', { file: job.fileName })}</h1>
      <p>
        {t('catalogueTabular.mapping.intro', { rows: job.totalRows, columns: job.columns.length, format })}
      </p>
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t('catalogueTabular.mapping.saved')}
        </p>
      ) : null}
      <form method="post" className="stack-form">
        <fieldset>
          <legend>{t('catalogueTabular.mapping.columns')}</legend>
          {job.columns.map((column) => {
            const { index: i, name } = column;
            const example = examples[i];
            return (
              <div className="field" key={column.index}>
                <label htmlFor={`col-${i}`}>
                  {t('catalogueTabular.mapping.columnLabel', {
                    n: i + 1,
                    name: name || t('catalogueTabular.mapping.unnamed'),
                  })}
                </label>
                {example ? (
                  <p className="hint" id={`col-${i}-hint`}>
                    {t('catalogueTabular.mapping.example', { value: example })}
                  </p>
                ) : null}
                <select
                  id={`col-${i}`}
                  name={`col-${i}`}
                  defaultValue={mapping[String(i)] ?? 'ignore'}
                  aria-describedby={example ? `col-${i}-hint` : undefined}
                >
                  <option value="ignore">{t('catalogueTabular.field.ignore')}</option>
                  {FIELD_GROUPS.map((g) => (
                    <optgroup key={g.label} label={t(g.label)}>
                      {g.fields.map((f) => (
                        <option key={f} value={f}>
                          {t(fieldLabel(f))}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t('catalogueTabular.mapping.settings')}</legend>
          <SelectField
            id="tabular-unit"
            label={t('catalogueTabular.unit')}
            name="unitId"
            defaultValue={values?.unitId ?? job.unitId}
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="tabular-type"
            label={t('catalogueTabular.mapping.defaultType')}
            name="defaultType"
            defaultValue={values?.defaultType ?? job.defaultType}
          >
            {RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`catalogue.type.${type}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label>
              <input type="checkbox" name="publish" defaultChecked={values?.publish ?? job.publish} />{' '}
              {t('catalogueTabular.mapping.publish')}
            </label>
          </div>
        </fieldset>
        <div className="row-buttons">
          <button type="submit" name="intent" value="preview" className="secondary">
            {t('catalogueTabular.mapping.preview')}
          </button>
          <button type="submit" name="intent" value="start">
            {t('catalogueTabular.mapping.start')}
          </button>
          <button type="submit" name="intent" value="cancel" className="danger" formNoValidate>
            {t('catalogueTabular.mapping.cancel')}
          </button>
        </div>
      </form>
      <h2 id="tabular-preview">{t('catalogueTabular.mapping.previewTitle')}</h2>
      {preview.length === 0 ? (
        <p>{t('catalogueTabular.mapping.noPreview')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('catalogueTabular.mapping.previewCaption', { n: preview.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogueTabular.preview.row')}</th>
                <th scope="col">{t('catalogueTabular.preview.record')}</th>
                <th scope="col">{t('catalogueTabular.preview.identifiers')}</th>
                <th scope="col">{t('catalogueTabular.preview.holding')}</th>
                <th scope="col">{t('catalogueTabular.preview.result')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((p) => (
                <tr key={p.rowNumber}>
                  <th scope="row" className="num">
                    {p.rowNumber}
                  </th>
                  <td className="cell-text">
                    {p.ok ? (
                      <>
                        <strong>{p.title}</strong>
                        {p.creators ? <div>{p.creators}</div> : null}
                        <div className="muted">
                          {[p.type ? t(p.type) : '', p.date].filter(Boolean).join(' · ')}
                        </div>
                      </>
                    ) : null}
                  </td>
                  <td className="cell-text">{p.identifiers}</td>
                  <td className="cell-text">{p.holding}</td>
                  <td className="cell-text">
                    {p.ok ? <span>{t('catalogueTabular.preview.ok')}</span> : null}
                    {p.messages.length ? (
                      <ul>
                        {p.messages.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={href('/admin/catalogue/import/tabular')}>{t('catalogueTabular.job.back')}</a>
      </p>
    </>
  );
}
