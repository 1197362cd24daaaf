// Back office: upload an image (a view of an object, a page of a digitised document) to a catalogue record.
import { redirect } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import { getCatalogueRecord } from '../../../modules/catalogue/catalogue.usecases.server.ts';
import { addRecordImage } from '../../../modules/catalogue/media/media.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { IMAGE_FIELDS, textFields } from '../../exhibitions/forms.server.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure } from '../../ui/forms.ts';
import { uploadErrorField, withImageUpload } from '../../ui/image-upload.server.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ImageUploadForm } from '../components/ImageUploadForm.tsx';
import type { Route } from './+types/record-image-new.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const record = await getCatalogueRecord(deps, actor, params.recordId);
    if (!can(actor, 'catalogue.record.update', { unitId: record.unitId }))
      throw new Response(null, { status: 403 });
    return { record: { id: record.id, title: record.title } };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  let values: Record<string, string> = {};
  try {
    await withImageUpload(deps, request, (upload) => {
      values = textFields(upload.fields, IMAGE_FIELDS) as Record<string, string>;
      return onceForm(deps, actor, 'catalogue.image.create', upload.fields.formToken ?? null, async (d) => {
        await addRecordImage(d, actor, params.recordId, upload, values);
      });
    });
    return redirect(
      `${localePath(locale, `/admin/catalogue/records/${params.recordId}/images`)}?done=added`,
      303,
    );
  } catch (e) {
    return failure(e, values, uploadErrorField(e, 'record-image'));
  }
}

export default function RecordImageNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { record } = loaderData;
  return (
    <>
      <title>{`${t('catalogue.images.add')} — ${record.title} — Suốt Đời`}</title>
      <p>
        <a href={href(`/admin/catalogue/records/${record.id}/images`)}>{t('catalogue.images.back')}</a>
      </p>
      <h1>{t('catalogue.images.addTo', { title: record.title })}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <ImageUploadForm
        prefix="record-image"
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
        submitLabel={t('exhibitions.admin.upload')}
      />
    </>
  );
}
