// Back office: uploads one evidence file to a unit's part of an instance (multipart, streamed to disk under
// the evidence size limit; the files module checks type by content, zip bombs and names). On success back to
// the instance page; on failure this page explains why and links back. Nothing is stored on failure.
import { data, redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { withUpload } from '../../../lib/upload.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { addFileEvidence } from '../../../modules/plan/work/evidence.usecases.server.ts';
import { IdSchema } from '../../../modules/plan/work/work.schemas.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import type { Route } from './+types/evidence-upload.ts';

/** Nothing to load: the page only explains a failed upload (after the action) and links back. */
export function loader({ params }: Route.LoaderArgs) {
  if (!IdSchema.safeParse(params.instanceId).success) throw data(null, { status: 404 });
  return null;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  if (!IdSchema.safeParse(params.instanceId).success) throw data(null, { status: 404 });
  try {
    const unitId = await withUpload(
      request,
      {
        dataDir: deps.config.dataDir,
        maxFileBytes: MAX_BYTES.evidence,
        noFileKey: 'planwork.evidence.noFile',
      },
      async (upload) => {
        const unitId = upload.fields.unitId ?? '';
        const file = { tempPath: upload.path, fileName: upload.rawName, title: upload.fields.title };
        await onceForm(deps, actor, 'plan.evidence.create', upload.fields.formToken ?? null, async (d) => {
          await addFileEvidence(d, actor, { instanceId: params.instanceId, unitId }, file);
        });
        return unitId;
      },
    );
    return redirect(
      `${localePath(locale, `/admin/plan/instances/${params.instanceId}`)}?done=evidence#part-${unitId}`,
      303,
    );
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.status === 404 || e.status === 401) throw data(null, { status: e.status });
    return data({ error: e.messageKey, params: e.params ?? {} }, { status: e.status });
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
