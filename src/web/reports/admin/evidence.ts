// Back office: adds an evidence file to a unit's manual indicator value (a plain multipart form on the
// submission page posts here; the files module checks the file by content and keeps it private).
import { redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { withUpload } from '../../../lib/upload.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { addEvidenceFile } from '../../../modules/reports/reports.evidence.server.ts';
import { requestContext } from '../../context.ts';
import { failure } from '../../ui/forms.ts';
import type { Route } from './+types/evidence.ts';

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const page = localePath(locale, `/admin/reports/${params.period}/units/${params.unitId}`);
  try {
    await withUpload(request, { dataDir: deps.config.dataDir, maxFileBytes: MAX_BYTES.evidence }, (u) =>
      addEvidenceFile(deps, actor, params.period, params.unitId, {
        tempPath: u.path,
        fileName: u.fileName || 'evidence',
        indicatorCode: u.fields.indicator ?? '',
      }),
    );
    return redirect(`${page}?done=evidence`, 303);
  } catch (e) {
    if (!isAppError(e)) throw e;
    // Back to the page with the reason (no JS: the page shows it above the form).
    if (e.status === 400 || e.status === 415 || e.status === 413) return failure(e, {});
    return redirect(`${page}?evidenceError=${encodeURIComponent(e.messageKey)}#evidence`, 303);
  }
}
