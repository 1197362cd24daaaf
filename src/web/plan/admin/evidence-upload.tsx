// Back office: uploads one evidence file to a unit's part of an instance (multipart, streamed to disk under
// the evidence size limit; the files module checks type by content, zip bombs and names). On success back to
// the instance page; on failure this page explains why and links back. Nothing is stored on failure.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { data, redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { saveMultipartUpload } from '../../../lib/multipart.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { newUploadPath } from '../../../modules/files/index.server.ts';
import { addFileEvidence } from '../../../modules/plan/work/evidence.usecases.server.ts';
import { IdSchema } from '../../../modules/plan/work/work.schemas.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import type { Route } from './+types/evidence-upload.ts';

/** The file limit plus room for the form's other fields and multipart headers. */
const MAX_REQUEST = MAX_BYTES.evidence + 64 * 1024;

/** Nothing to load: the page only explains a failed upload (after the action) and links back. */
export function loader({ params }: Route.LoaderArgs) {
  if (!IdSchema.safeParse(params.instanceId).success) throw data(null, { status: 404 });
  return null;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  if (!IdSchema.safeParse(params.instanceId).success) throw data(null, { status: 404 });
  const filePath = await newUploadPath(join(deps.config.dataDir, 'tmp'));
  try {
    const upload = await saveMultipartUpload(request, { maxBytes: MAX_REQUEST, fileField: 'file', filePath });
    const unitId = upload.fields.unitId ?? '';
    if (!upload.file) {
      await rm(filePath, { force: true });
      return data({ error: 'planwork.evidence.noFile' as MessageKey, params: {}, unitId }, { status: 422 });
    }
    const file = { tempPath: filePath, fileName: upload.file.rawName, title: upload.fields.title };
    await onceForm(deps, actor, 'plan.evidence.create', upload.fields.formToken ?? null, async (d) => {
      await addFileEvidence(d, actor, { instanceId: params.instanceId, unitId }, file);
    });
    await rm(filePath, { force: true }); // left over when the token had already added the evidence
    return redirect(
      `${localePath(locale, `/admin/plan/instances/${params.instanceId}`)}?done=evidence#part-${unitId}`,
      303,
    );
  } catch (e) {
    await rm(filePath, { force: true });
    if (!isAppError(e)) throw e;
    if (e.status === 404 || e.status === 401) throw data(null, { status: e.status });
    return data({ error: e.messageKey, params: e.params ?? {}, unitId: '' }, { status: e.status });
  }
}

export default function PlanEvidenceUpload({ params, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('planwork.evidence.uploadFailed')} — Suốt Đời`}</title>
      <h1>{t('planwork.evidence.uploadFailed')}</h1>
      {actionData?.error ? (
        <p className="alert-error" role="alert">
          {t(actionData.error, actionData.params)}
        </p>
      ) : null}
      <p>
        <a href={href(`/admin/plan/instances/${params.instanceId}`)}>
          {t('planwork.evidence.backToInstance')}
        </a>
      </p>
    </>
  );
}
