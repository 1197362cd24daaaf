// Staff: upload a spreadsheet (CSV or XLSX, streamed to disk under its own limit) → a draft import whose
// columns are mapped on the next page; and the list of recent spreadsheet imports.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { data, redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { saveMultipartUpload } from '../../../lib/multipart.server.ts';
import { newId } from '../../../modules/catalogue/catalogue.ids.server.ts';
import { importTargetUnits } from '../../../modules/catalogue/marc/import.server.ts';
import {
  createTabularImport,
  listTabularImports,
} from '../../../modules/catalogue/tabular/csv.usecases.server.ts';
import { MAX_TABULAR_BYTES } from '../../../modules/catalogue/tabular/tabular.types.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import type { FormMessage } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/tabular.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [units, imports] = await Promise.all([
      importTargetUnits(deps, actor),
      listTabularImports(deps, actor),
    ]);
    return {
      units,
      imports: imports.map((j) => ({
        id: j.id,
        fileName: j.fileName,
        status: j.status,
        imported: j.imported,
        updated: j.updated,
        skipped: j.skipped,
        failed: j.failed,
        createdAt: formatDateTime(j.createdAt),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const fail = (key: MessageKey, status: number, params?: Record<string, string | number>) =>
  data(
    { errors: [{ key, field: 'tabular-file', ...(params ? { params } : {}) }] as FormMessage[] },
    { status },
  );

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const dir = join(deps.config.dataDir, 'files', 'imports');
  await mkdir(dir, { recursive: true });
  const filePath = join(dir, `${newId('imp')}.tabular`);
  try {
    // A little more than the file limit: the multipart envelope and the form's other fields.
    const upload = await saveMultipartUpload(request, {
      maxBytes: MAX_TABULAR_BYTES + 64 * 1024,
      fileField: 'file',
      filePath,
    });
    if (!upload.file || upload.file.size === 0) {
      await rm(filePath, { force: true });
      return fail(upload.file ? 'catalogueTabular.error.empty' : 'catalogueTabular.error.noFile', 400);
    }
    const unitId = upload.fields.unitId ?? '';
    const input = { fileName: upload.file.fileName || 'upload.csv', filePath, unitId };
    let created = false;
    const job = await onceForm(
      deps,
      actor,
      'catalogue.tabular.create',
      upload.fields.formToken ?? null,
      async (d) => {
        created = true;
        return { id: (await createTabularImport(d, actor, input)).id };
      },
    );
    if (!created) await rm(filePath, { force: true }); // the token's first import keeps its own copy
    return redirect(localePath(locale, `/admin/catalogue/import/tabular/${job.id}`));
  } catch (e) {
    await rm(filePath, { force: true });
    if (!isAppError(e)) throw e;
    if (e.status === 413)
      return fail('catalogueTabular.error.tooLarge', 413, { mb: MAX_TABULAR_BYTES >> 20 });
    if (e.status === 403 || e.code === 'catalogue.unit_unknown')
      return fail('catalogueTabular.error.unit', e.status === 403 ? 403 : 422);
    if (e.code.startsWith('catalogue.tabular.')) return fail(e.messageKey, e.status, e.params);
    throw data(null, { status: e.status });
  }
}

export default function CatalogueTabular({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('catalogueTabular.title')} — Suốt Đời`}</title>
      <h1>{t('catalogueTabular.title')}</h1>
      <p className="muted">{t('catalogueTabular.intro')}</p>
      <ErrorSummary errors={actionData?.errors} />
      <form method="post" encType="multipart/form-data" className="stack-form">
        <FormToken />
        <TextField
          id="tabular-file"
          label={t('catalogueTabular.file')}
          name="file"
          type="file"
          required
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <SelectField id="tabular-unit" label={t('catalogueTabular.unit')} name="unitId" required>
          {loaderData.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('catalogueTabular.upload')}</button>
      </form>
      <p>
        <a href={href('/admin/catalogue/import')}>{t('catalogueTabular.marcLink')}</a>
      </p>
      <h2>{t('catalogueTabular.imports')}</h2>
      {loaderData.imports.length === 0 ? (
        <p>{t('catalogueTabular.noImports')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('catalogueTabular.imports')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogueTabular.col.file')}</th>
                <th scope="col">{t('catalogueTabular.col.started')}</th>
                <th scope="col">{t('catalogueTabular.col.status')}</th>
                <th scope="col">{t('catalogueTabular.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.imports.map((j) => (
                <tr key={j.id}>
                  <td>
                    <a
                      href={href(
                        j.status === 'draft'
                          ? `/admin/catalogue/import/tabular/${j.id}`
                          : `/admin/catalogue/import/tabular/${j.id}/progress`,
                      )}
                    >
                      {j.fileName}
                    </a>
                  </td>
                  <td>{j.createdAt}</td>
                  <td>{t(`catalogueTabular.status.${j.status}` as MessageKey)}</td>
                  <td>
                    {j.status === 'draft' || j.status === 'cancelled' ? '' : t('catalogueTabular.summary', j)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
