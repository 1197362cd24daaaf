// Back office: upload a photo of a service point (multipart, no JavaScript) with its required description.
import { redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { withUpload } from '../../../lib/upload.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { placeForEdit } from '../../../modules/places/places.admin.server.ts';
import { addPlacePhoto } from '../../../modules/places/places.photos.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/photos.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { place } = await placeForEdit(deps, actor, params.placeId);
    return { id: place.id, name: place.name };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const fields: Record<string, string> = {};
  try {
    const upload = {
      dataDir: deps.config.dataDir,
      maxFileBytes: MAX_BYTES.image,
      noFileKey: 'places.error.noFile',
      fields,
    } as const;
    await withUpload(request, upload, (u) =>
      onceForm(deps, actor, 'places.photo.create', u.fields.formToken ?? null, async (d) => {
        await addPlacePhoto(
          d,
          actor,
          params.placeId,
          { tempPath: u.path, fileName: u.fileName || 'image' },
          u.fields.alt ?? '',
        );
      }),
    );
    return redirect(`${localePath(locale, `/admin/places/${params.placeId}`)}?done=photo`, 303);
  } catch (e) {
    const field = isAppError(e) && e.code === 'places.alt_required' ? 'photo-alt' : 'photo-file';
    return failure(e, { alt: fields.alt ?? '' }, field);
  }
}

export default function PlacePhotoPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${t('places.photos.addTitle', { name: loaderData.name })} — Suốt Đời`}</title>
      <p>
        <a href={href(`/admin/places/${loaderData.id}`)}>
          {t('places.admin.editTitle', { name: loaderData.name })}
        </a>
      </p>
      <h1>{t('places.photos.addTitle', { name: loaderData.name })}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" encType="multipart/form-data" className="form" noValidate>
        <FormToken />
        <TextField
          id="photo-file"
          label={t('places.photos.file')}
          errors={errors}
          name="file"
          type="file"
          required
          accept="image/jpeg,image/png,image/webp"
        />
        <TextField
          id="photo-alt"
          label={t('places.photos.alt')}
          errors={errors}
          hint={t('places.photos.altHint')}
          name="alt"
          required
          maxLength={300}
          defaultValue={actionData?.values?.alt ?? ''}
        />
        <div>
          <button type="submit">{t('places.photos.upload')}</button>
        </div>
      </form>
    </>
  );
}
