// Back office: write a news article (saved as a draft). Posts to this route; errors re-render the form.
import { redirect } from 'react-router';
import { scopeRoots } from '../../../app/policies.server.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { articleFormOptions, createArticle } from '../../../modules/news/news.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ArticleForm } from '../components/ArticleForm.tsx';
import {
  articleFieldForError,
  articleFormMessages,
  parseArticleForm,
  readArticleForm,
} from '../forms.server.ts';
import type { Route } from './+types/new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'news.article.create').length === 0) throw new Response(null, { status: 403 });
  return { options: await articleFormOptions(deps, actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = readArticleForm(form);
  const parsed = parseArticleForm(values);
  if (!parsed.success) return invalid(articleFormMessages(parsed.error), values);
  try {
    const id = await onceForm(deps, actor, 'news.article.create', form, (d) =>
      createArticle(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/news/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, isAppError(e) ? articleFieldForError(e.code) : undefined);
  }
}

export default function NewArticle({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const units = loaderData.options.units;
  const values = actionData?.values ?? { unitId: units.length === 1 ? (units[0]?.id ?? '') : '' };
  return (
    <>
      <title>{`${t('news.admin.new')} — Suốt Đời`}</title>
      <h1>{t('news.admin.new')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <ArticleForm
        options={loaderData.options}
        values={values}
        errors={actionData?.errors}
        submitLabel={t('news.admin.create')}
      />
    </>
  );
}
