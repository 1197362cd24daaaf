// Staff: upload a MARC file (streamed to disk, 200 MiB), start the import job, list recent jobs.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { data, redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { saveMultipartUpload } from '../../../lib/multipart.server.ts';
import { newId } from '../../../modules/catalogue/catalogue.ids.server.ts';
import { LEGACY_ENCODINGS } from '../../../modules/catalogue/marc/encodings.ts';
import {
  detectFormat,
  importTargetUnits,
  listImportJobs,
  startMarcImport,
} from '../../../modules/catalogue/marc/import.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/import.ts';

const MAX_UPLOAD = 200 * 1024 * 1024;

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [units, jobs] = await Promise.all([importTargetUnits(deps, actor), listImportJobs(deps, actor)]);
    return {
      units,
      jobs: jobs.map((j) => ({
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

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const dir = join(deps.config.dataDir, 'files', 'imports');
  await mkdir(dir, { recursive: true });
  const filePath = join(dir, `${newId('imp')}.upload`);
  let error: MessageKey | null = null;
  try {
    const upload = await saveMultipartUpload(request, { maxBytes: MAX_UPLOAD, fileField: 'file', filePath });
    const format = upload.file ? detectFormat(upload.file.head) : undefined;
    if (!upload.file || upload.file.size === 0) error = 'catalogue.import.error.noFile';
    else if (!format) error = 'catalogue.import.error.badFormat';
    const unitId = upload.fields.unitId;
    if (!unitId) error = 'catalogue.import.error.unit';
    if (error || !upload.file || !format || !unitId) {
      await rm(filePath, { force: true });
      return data({ error }, { status: 400 });
    }
    const input = {
      fileName: upload.file.fileName || 'upload.mrc',
      format,
      filePath,
      fileSize: upload.file.size,
      unitId,
      publish: upload.fields.publish === 'on',
      encoding: LEGACY_ENCODINGS.find((e) => e === upload.fields.encoding),
    };
    let started = false;
    // Starting an import enqueues its job; the job runner runs it.
    const job = await onceForm(
      deps,
      actor,
      'catalogue.import.create',
      upload.fields.formToken ?? null,
      async (d) => {
        started = true;
        return { id: (await startMarcImport(d, actor, input)).id };
      },
    );
    // A resubmitted form shows the import its token started; the second copy of the file is not needed.
    if (!started) await rm(filePath, { force: true });
    return redirect(localePath(locale, `/admin/catalogue/import/${job.id}`));
  } catch (e) {
    await rm(filePath, { force: true });
    if (!isAppError(e)) throw e;
    if (e.status === 413)
      return data({ error: 'catalogue.import.error.tooLarge' as MessageKey }, { status: 413 });
    if (e.status === 403 || e.status === 422)
      return data({ error: 'catalogue.import.error.unit' as MessageKey }, { status: e.status });
    throw data(null, { status: e.status });
  }
}

export default function CatalogueImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('catalogue.import.title')} — Suốt Đời`}</title>
      <h1>{t('catalogue.import.title')}</h1>
      <p className="muted">{t('catalogue.import.intro')}</p>
      <p className="muted">{t('catalogue.import.introUnimarc')}</p>
      {actionData?.error ? (
        <p className="alert-error" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      <form method="post" encType="multipart/form-data" className="stack-form">
        <FormToken />
        <TextField
          id="import-file"
          label={t('catalogue.import.file')}
          name="file"
          type="file"
          required
          accept=".mrc,.marc,.xml,.iso,application/marc,application/xml"
        />
        <SelectField id="import-unit" label={t('catalogue.import.unit')} name="unitId" required>
          {loaderData.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="import-encoding">{t('catalogue.import.encoding')}</label>
          <select id="import-encoding" name="encoding" aria-describedby="import-encoding-hint">
            <option value="">{t('catalogue.import.encodingAuto')}</option>
            {LEGACY_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
          <p id="import-encoding-hint" className="muted">
            {t('catalogue.import.encodingHint')}
          </p>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="publish" /> {t('catalogue.import.publish')}
          </label>
        </div>
        <button type="submit">{t('catalogue.import.submit')}</button>
      </form>
      <h2>{t('catalogue.import.jobs')}</h2>
      {loaderData.jobs.length === 0 ? (
        <p>{t('catalogue.import.noJobs')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('catalogue.import.jobs')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.import.col.file')}</th>
                <th scope="col">{t('catalogue.import.col.started')}</th>
                <th scope="col">{t('catalogue.import.col.status')}</th>
                <th scope="col">{t('catalogue.import.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.jobs.map((j) => (
                <tr key={j.id}>
                  <td>
                    <a href={href(`/admin/catalogue/import/${j.id}`)}>{j.fileName}</a>
                  </td>
                  <td>{j.createdAt}</td>
                  <td>{t(`catalogue.import.status.${j.status}` as MessageKey)}</td>
                  <td>{t('catalogue.import.summary', j)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
