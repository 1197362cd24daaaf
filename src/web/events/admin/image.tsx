// Back office: the picture of an event (JPEG, PNG or WebP up to 15 MiB; the files module re-encodes it and
// strips metadata). A plain multipart form; no JavaScript.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { getStaffEvent, setEventImage } from '../../../modules/events/events.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { failure } from '../../ui/forms.ts';
import { uploadErrorField, withImageUpload } from '../../ui/image-upload.server.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/image.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const view = await getStaffEvent(deps, actor, params.eventId);
    if (!view.canEdit) throw new Response(null, { status: 403 });
    return { event: { id: view.event.id, title: view.event.title, imageFileId: view.event.imageFileId } };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    await withImageUpload(deps, request, (upload) => setEventImage(deps, actor, params.eventId, upload));
    return redirect(`${localePath(locale, `/admin/events/${params.eventId}`)}?done=image`, 303);
  } catch (e) {
    return failure(e, {}, uploadErrorField(e, 'ev-image'));
  }
}

export default function EventImage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { event } = loaderData;
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${t('events.image.title')} — ${event.title} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/events/${event.id}`)}>{event.title}</a>
      </p>
      <h1>{t('events.image.title')}</h1>
      {event.imageFileId ? (
        <img src={`/media/${event.imageFileId}/thumb`} alt={t('events.image.current')} />
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" encType="multipart/form-data" className="form" noValidate>
        <TextField
          id="ev-image-file"
          label={t('events.image.file')}
          errors={errors}
          hint={t('events.image.hint')}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
        />
        <button type="submit">{t('events.image.submit')}</button>
      </form>
    </>
  );
}
