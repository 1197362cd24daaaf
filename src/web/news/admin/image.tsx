// Back office: the picture of an article (JPEG, PNG or WebP; the files module checks it by content,
// re-encodes it and strips metadata) with its alt text, which is required. A plain multipart form.
import { redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { getStaffArticle, setArticleImage } from '../../../modules/news/news.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { failure } from '../../ui/forms.ts';
import { withImageUpload } from '../../ui/image-upload.server.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/image.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const view = await getStaffArticle(deps, actor, params.articleId);
    if (!view.canEdit) throw new Response(null, { status: 403 });
    const a = view.article;
    return { article: { id: a.id, title: a.title, imageFileId: a.imageFileId, imageAlt: a.imageAlt } };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  let alt = '';
  try {
    await withImageUpload(deps, request, (upload) => {
      alt = upload.fields.alt ?? '';
      return setArticleImage(deps, actor, params.articleId, { ...upload, alt });
    });
    return redirect(`${localePath(locale, `/admin/news/${params.articleId}`)}?done=image`, 303);
  } catch (e) {
    const field = !isAppError(e)
      ? undefined
      : e.code === 'news.image_alt_required'
        ? 'ar-image-alt'
        : [413, 415, 422].includes(e.status)
          ? 'ar-image-file'
          : undefined;
    return failure(e, { alt }, field);
  }
}

export default function ArticleImage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { article } = loaderData;
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${t('news.image.title')} — ${article.title} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/news/${article.id}`)}>{article.title}</a>
      </p>
      <h1>{t('news.image.title')}</h1>
      {article.imageFileId ? (
        <img src={`/media/${article.imageFileId}/thumb`} alt={article.imageAlt ?? ''} />
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" encType="multipart/form-data" className="form" noValidate>
        <TextField
          id="ar-image-alt"
          label={t('news.image.alt')}
          errors={errors}
          hint={t('news.image.altHint')}
          name="alt"
          maxLength={300}
          defaultValue={actionData?.values?.alt ?? article.imageAlt ?? ''}
        />
        <TextField
          id="ar-image-file"
          label={t('news.image.file')}
          errors={errors}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
        />
        <button type="submit">{t('news.image.submit')}</button>
      </form>
    </>
  );
}
