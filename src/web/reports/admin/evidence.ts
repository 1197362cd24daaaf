// Back office: adds an evidence file to a unit's manual indicator value (a plain multipart form on the
// submission page posts here; the files module checks the file by content and keeps it private).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { redirect } from 'react-router';
import { AppError, isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { saveMultipartUpload } from '../../../lib/multipart.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { newUploadPath } from '../../../modules/files/index.server.ts';
import { addEvidenceFile } from '../../../modules/reports/reports.evidence.server.ts';
import { requestContext } from '../../context.ts';
import { failure } from '../../ui/forms.ts';
import type { Route } from './+types/evidence.ts';

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const tempPath = await newUploadPath(join(deps.config.dataDir, 'files', 'tmp'));
  const page = localePath(locale, `/admin/reports/${params.period}/units/${params.unitId}`);
  try {
    const upload = await saveMultipartUpload(request, {
      maxBytes: MAX_BYTES.evidence + 64 * 1024,
      fileField: 'file',
      filePath: tempPath,
    });
    if (!upload.file || upload.file.size === 0)
      throw new AppError('files.missing', 422, 'exhibitions.error.noFile');
    await addEvidenceFile(deps, actor, params.period, params.unitId, {
      tempPath,
      fileName: upload.file.fileName || 'evidence',
      indicatorCode: upload.fields.indicator ?? '',
    });
    return redirect(`${page}?done=evidence`, 303);
  } catch (e) {
    await rm(tempPath, { force: true });
    if (!isAppError(e)) throw e;
    // Back to the page with the reason (no JS: the page shows it above the form).
    if (e.status === 400 || e.status === 415 || e.status === 413) return failure(e, {});
    return redirect(`${page}?evidenceError=${encodeURIComponent(e.messageKey)}#evidence`, 303);
  }
}
