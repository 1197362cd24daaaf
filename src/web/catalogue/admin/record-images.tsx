// Back office: the images of one catalogue record in order (pages of a digitised document, views of an
// object): edit alt texts and captions, move up/down, remove. Without JavaScript; every form posts here.
import { redirect } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { getCatalogueRecord } from '../../../modules/catalogue/catalogue.usecases.server.ts';
import {
  deleteRecordImage,
  listRecordImages,
  moveRecordImage,
  updateRecordImageText,
} from '../../../modules/catalogue/media/media.usecases.server.ts';
import { MoveSchema } from '../../../modules/exhibitions/exhibitions.schemas.server.ts';
import { requestContext } from '../../context.ts';
import { IMAGE_FIELDS, textFields } from '../../exhibitions/forms.server.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { uploadErrorField } from '../../ui/image-upload.server.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { conflictForm, conflictOf, formVersion, submittedOf } from '../../ui/version-forms.ts';
import { ImageTextFields } from '../components/ImageUploadForm.tsx';
import { ResponsiveImage } from '../components/ResponsiveImage.tsx';
import type { Route } from './+types/record-images.ts';

const DONE: Record<string, MessageKey> = {
  added: 'catalogue.images.done.added',
  saved: 'catalogue.images.done.saved',
  moved: 'catalogue.images.done.moved',
  deleted: 'catalogue.images.done.deleted',
};

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const record = await getCatalogueRecord(deps, actor, params.recordId);
    if (!can(actor, 'catalogue.record.update', { unitId: record.unitId }))
      throw new Response(null, { status: 403 });
    const images = await listRecordImages(deps, actor, record.id);
    return {
      record: { id: record.id, title: record.title, published: record.published },
      images,
      done: doneNotice(request.url, DONE),
    };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const imageId = formText(form, 'imageId');
  const recordId = params.recordId;
  const back = (done: string) =>
    redirect(
      `${localePath(locale, `/admin/catalogue/records/${recordId}/images`)}?done=${done}#img-${imageId}`,
      303,
    );
  const values: Record<string, string> = { intent, imageId, ...textFields(form, IMAGE_FIELDS) };
  try {
    if (intent === 'update') {
      const version = formVersion(form);
      values.version = String(version);
      try {
        await updateRecordImageText(deps, actor, recordId, imageId, textFields(form, IMAGE_FIELDS), version);
      } catch (e) {
        if (!isVersionConflict(e)) throw e;
        const now = (await listRecordImages(deps, actor, recordId)).find((i) => i.id === imageId);
        if (!now) throw e;
        const saved = Object.fromEntries(IMAGE_FIELDS.map((f) => [f, now[f] ?? '']));
        return conflictForm(values, { version: now.version, saved }, `img-${imageId}-alt-vi`);
      }
      return back('saved');
    }
    if (intent === 'move') {
      const parsed = MoveSchema.safeParse({ direction: formText(form, 'direction') });
      if (!parsed.success) return invalid([{ key: 'error.validation' }], values);
      await moveRecordImage(deps, actor, recordId, imageId, parsed.data.direction);
      return back('moved');
    }
    if (intent === 'delete') {
      await deleteRecordImage(deps, actor, recordId, imageId);
      return back('deleted');
    }
    return invalid([{ key: 'error.validation' }], values);
  } catch (e) {
    return failure(e, values, uploadErrorField(e, `img-${imageId}`));
  }
}

export default function RecordImages({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { record, images, done } = loaderData;
  const submitted: Record<string, string> = actionData?.values ?? {};
  const hidden = (text: string) => <span className="visually-hidden">: {text}</span>;
  return (
    <>
      <title>{`${t('catalogue.images.title')} — ${record.title} — Suốt Đời`}</title>
      <p>
        <a href={href(`/records/${record.id}`)}>{t('catalogue.images.toRecord')}</a>
      </p>
      <h1>{t('catalogue.images.heading', { title: record.title })}</h1>
      {done ? (
        <p className="alert-ok" role="status">
          {t(done)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={{
          altVi: t('exhibitions.field.altVi'),
          altEn: t('exhibitions.field.altEn'),
          captionVi: t('exhibitions.field.captionVi'),
          captionEn: t('exhibitions.field.captionEn'),
        }}
      />
      <p>
        <a className="button" href={href(`/admin/catalogue/records/${record.id}/images/new`)}>
          {t('catalogue.images.add')}
        </a>
      </p>
      {images.length === 0 ? <p>{t('catalogue.images.none')}</p> : null}
      <ol className="exhibit-item-list">
        {images.map((img, i) => {
          const name = t('catalogue.images.number', { n: i + 1 });
          const editing = submitted.intent === 'update' && submitted.imageId === img.id;
          return (
            <li key={img.id} id={`img-${img.id}`}>
              <ResponsiveImage image={img} locale={locale} variant="thumb" sizes="6rem" />
              <div>
                <h2 className="small-heading">{name}</h2>
                <div className="row-buttons">
                  {(['up', 'down'] as const)
                    .filter((d) => (d === 'up' ? i > 0 : i < images.length - 1))
                    .map((d) => (
                      <form method="post" key={d}>
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="imageId" value={img.id} />
                        <input type="hidden" name="direction" value={d} />
                        <button type="submit" className="secondary">
                          {t(d === 'up' ? 'exhibitions.admin.moveUp' : 'exhibitions.admin.moveDown')}
                          {hidden(name)}
                        </button>
                      </form>
                    ))}
                  <form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="imageId" value={img.id} />
                    <button type="submit" className="danger">
                      {t('catalogue.images.delete')}
                      {hidden(name)}
                    </button>
                  </form>
                </div>
                <details open={editing}>
                  <summary>
                    {t('catalogue.images.edit')}
                    {hidden(name)}
                  </summary>
                  <form method="post" className="form" noValidate>
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="imageId" value={img.id} />
                    <input type="hidden" name="version" value={img.version} />
                    <ImageTextFields
                      prefix={`img-${img.id}`}
                      values={editing ? submitted : img}
                      errors={editing ? actionData?.errors : undefined}
                    />
                    <button type="submit">{t('exhibitions.admin.save')}</button>
                  </form>
                </details>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
