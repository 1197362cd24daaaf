// Back office: upload an image into an exhibition section (multipart, no JavaScript). The alt text is
// required; the image is stored public with its derivatives, then placed at the end of the section.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { addUploadedImage } from '../../../modules/exhibitions/exhibitions.images.server.ts';
import { getExhibitionForStaff } from '../../../modules/exhibitions/exhibitions.queries.server.ts';
import { ImageUploadForm } from '../../catalogue/components/ImageUploadForm.tsx';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure } from '../../ui/forms.ts';
import { uploadErrorField, withImageUpload } from '../../ui/image-upload.server.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { IMAGE_FIELDS, textFields } from '../forms.server.ts';
import type { Route } from './+types/exhibition-image.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const ex = await getExhibitionForStaff(deps, actor, params.exhibitionId);
    const section = ex.sections.find((s) => s.id === params.sectionId);
    if (!section) throw new Response(null, { status: 404 });
    return {
      ex: { id: ex.id, titleVi: ex.titleVi },
      section: { id: section.id, headingVi: section.headingVi },
    };
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
      return onceForm(deps, actor, 'exhibitions.image.create', upload.fields.formToken ?? null, async (d) => {
        await addUploadedImage(d, actor, params.exhibitionId, params.sectionId, upload, values);
      });
    });
    return redirect(
      `${localePath(locale, `/admin/exhibitions/${params.exhibitionId}`)}?done=image#sec-${params.sectionId}`,
      303,
    );
  } catch (e) {
    return failure(e, values, uploadErrorField(e, 'exhibition-image'));
  }
}

export default function ExhibitionImage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { ex, section } = loaderData;
  return (
    <>
      <title>{`${t('exhibitions.admin.addImage')} — ${ex.titleVi} — Suốt Đời`}</title>
      <p>
        <a href={href(`/admin/exhibitions/${ex.id}#sec-${section.id}`)}>
          {t('exhibitions.admin.backTo', { title: ex.titleVi })}
        </a>
      </p>
      <h1>{t('exhibitions.admin.addImageTo', { heading: section.headingVi })}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <ImageUploadForm
        prefix="exhibition-image"
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
        submitLabel={t('exhibitions.admin.upload')}
      />
    </>
  );
}
