// Back office: uploads one document to a cooperation activity (multipart, streamed to disk under the evidence
// size limit; the files module checks the type by content, zip bombs and names). On success back to the
// activity; on failure this page says why and links back. Nothing is stored on failure.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { data, redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { saveMultipartUpload } from '../../../lib/multipart.server.ts';
import { attachActivityDocument } from '../../../modules/cooperation/cooperation.usecases.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { newUploadPath } from '../../../modules/files/index.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import type { Route } from './+types/documents.ts';

const MAX_REQUEST = MAX_BYTES.evidence + 64 * 1024;

export function loader() {
  throw data(null, { status: 405 });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const filePath = await newUploadPath(join(deps.config.dataDir, 'tmp'));
  try {
    const upload = await saveMultipartUpload(request, { maxBytes: MAX_REQUEST, fileField: 'file', filePath });
    if (!upload.file || upload.file.size === 0) {
      await rm(filePath, { force: true });
      return data({ error: 'cooperation.documents.noFile' as MessageKey, params: {} }, { status: 422 });
    }
    await attachActivityDocument(deps, actor, params.activityId, {
      tempPath: filePath,
      fileName: upload.file.rawName,
      title: upload.fields.title ?? '',
    });
    return redirect(`${localePath(locale, `/admin/cooperation/${params.activityId}`)}?done=document`, 303);
  } catch (e) {
    await rm(filePath, { force: true });
    if (!isAppError(e)) throw e;
    if (e.status === 404 || e.status === 401) throw data(null, { status: e.status });
    return data({ error: e.messageKey, params: e.params ?? {} }, { status: e.status });
  }
}

export default function ActivityDocumentUpload({ params, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('cooperation.documents.failed')} — Suốt Đời`}</title>
      <h1>{t('cooperation.documents.failed')}</h1>
      {actionData?.error ? (
        <p className="alert-error" role="alert">
          {t(actionData.error, actionData.params)}
        </p>
      ) : null}
      <p>
        <a href={href(`/admin/cooperation/${params.activityId}`)}>{t('cooperation.documents.back')}</a>
      </p>
    </>
  );
}
