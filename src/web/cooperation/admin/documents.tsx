// Back office: uploads one document to a cooperation activity (multipart, streamed to disk under the evidence
// size limit; the files module checks the type by content, zip bombs and names). On success back to the
// activity; on failure this page says why and links back. Nothing is stored on failure.
import { data, redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { withUpload } from '../../../lib/upload.server.ts';
import { attachActivityDocument } from '../../../modules/cooperation/cooperation.usecases.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import type { Route } from './+types/documents.ts';

export function loader() {
  throw data(null, { status: 405 });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    await withUpload(
      request,
      {
        dataDir: deps.config.dataDir,
        maxFileBytes: MAX_BYTES.evidence,
        noFileKey: 'cooperation.documents.noFile',
      },
      (upload) =>
        attachActivityDocument(deps, actor, params.activityId, {
          tempPath: upload.path,
          fileName: upload.rawName,
          title: upload.fields.title ?? '',
        }),
    );
    return redirect(`${localePath(locale, `/admin/cooperation/${params.activityId}`)}?done=document`, 303);
  } catch (e) {
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
