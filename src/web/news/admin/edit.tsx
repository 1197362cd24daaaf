// Back office: one article — its state and the workflow steps the reader may take (submit for review, return,
// publish now, schedule, withdraw), the edit form, and a link to its picture. Every form posts here with an
// `intent`; a stale save shows both versions side by side.
import { redirect } from 'react-router';
import { formatDateTime, isoDateInVietnam, TIME_ZONE } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { zonedToUtc } from '../../../modules/events/events.schedule.ts';
import { ArticleStepSchema } from '../../../modules/news/news.schemas.server.ts';
import {
  articleFormOptions,
  getStaffArticle,
  stepArticle,
  updateArticle,
} from '../../../modules/news/news.usecases.server.ts';
import { allowedSteps } from '../../../modules/news/news.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { formDay } from '../../ui/form-values.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import {
  conflictForm,
  conflictOf,
  formVersion,
  submittedOf,
  versionForForm,
} from '../../ui/version-forms.ts';
import { ArticleForm } from '../components/ArticleForm.tsx';
import {
  type ArticleFormValues,
  articleFieldForError,
  articleFormMessages,
  articleToFormValues,
  parseArticleForm,
  readArticleForm,
  STEP_NOTICES,
} from '../forms.server.ts';
import type { Route } from './+types/edit.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const view = await getStaffArticle(deps, actor, params.articleId);
    const a = view.article;
    const steps = allowedSteps(a.status).filter((s) => (s === 'submit' ? view.canEdit : view.canPublish));
    return {
      article: {
        id: a.id,
        title: a.title,
        status: a.status,
        version: a.version,
        publishAt: a.publishAt ? formatDateTime(a.publishAt) : null,
        publishedAt: a.publishedAt ? formatDateTime(a.publishedAt) : null,
        imageFileId: a.imageFileId,
        imageAlt: a.imageAlt,
      },
      events: view.events,
      steps,
      canEdit: view.canEdit,
      formValues: articleToFormValues(a),
      options: view.canEdit ? await articleFormOptions(deps, actor) : null,
      done: doneNotice(request.url, STEP_NOTICES),
      today: isoDateInVietnam(deps.now()),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

function scheduledInstant(day: string, time: string): string | undefined {
  const d = formDay(day);
  if (!d || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time.trim())) return undefined;
  try {
    return zonedToUtc(d, time.trim(), TIME_ZONE).toISOString();
  } catch {
    return undefined;
  }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const back = (done: string) =>
    redirect(`${localePath(locale, `/admin/news/${params.articleId}`)}?done=${done}`, 303);
  const version = formVersion(form);
  if (intent === 'step') {
    const publishAt = scheduledInstant(formText(form, 'publishDate'), formText(form, 'publishTime'));
    const parsed = ArticleStepSchema.safeParse({
      step: formText(form, 'step'),
      version,
      ...(publishAt ? { publishAt } : {}),
    });
    if (!parsed.success) return invalid([{ key: 'news.error.stepInvalid', field: 'ar-publish-date' }], {});
    try {
      await stepArticle(deps, actor, params.articleId, parsed.data);
      return back(parsed.data.step);
    } catch (e) {
      return failure(
        e,
        {},
        isAppError(e) && e.code === 'news.schedule_in_past' ? 'ar-publish-date' : undefined,
      );
    }
  }
  const values = { ...readArticleForm(form), version: String(version) };
  const parsed = parseArticleForm(values);
  if (!parsed.success) return invalid(articleFormMessages(parsed.error), values);
  try {
    await updateArticle(deps, actor, params.articleId, { ...parsed.data, version });
    return back('saved');
  } catch (e) {
    if (isVersionConflict(e)) {
      const now = await getStaffArticle(deps, actor, params.articleId);
      return conflictForm(
        values,
        { version: now.article.version, saved: articleToFormValues(now.article) },
        'ar-title',
      );
    }
    return failure(e, values, isAppError(e) ? articleFieldForError(e.code) : undefined);
  }
}

const COMPARED = ['title', 'summary', 'bodyHtml', 'category', 'tags'] as const;

export default function EditArticle({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { article: a, steps, options } = loaderData;
  const errors = actionData?.errors;
  const posted = actionData?.values as Partial<ArticleFormValues> | undefined;
  const values = posted && 'title' in posted ? posted : loaderData.formValues;
  const version = versionForForm(a.version, actionData);
  return (
    <>
      <title>{`${a.title} — ${t('news.admin.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/news')}>{t('news.admin.title')}</a>
      </p>
      <h1>{a.title}</h1>
      {loaderData.done ? (
        <p className="alert-ok" role="status">
          {t(loaderData.done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={Object.fromEntries(
          COMPARED.map((f) => [f, t(`news.field.${f === 'bodyHtml' ? 'body' : f}`)]),
        )}
      />
      <dl className="details-list">
        <dt>{t('news.field.status')}</dt>
        <dd>{t(`news.status.${a.status}`)}</dd>
        {a.publishAt ? (
          <>
            <dt>{t('news.field.publishAt')}</dt>
            <dd>{a.publishAt}</dd>
          </>
        ) : null}
        {a.publishedAt ? (
          <>
            <dt>{t('news.col.publishedAt')}</dt>
            <dd>{a.publishedAt}</dd>
          </>
        ) : null}
        <dt>{t('news.field.image')}</dt>
        <dd>
          {a.imageFileId ? `${t('news.image.has')}: ${a.imageAlt}` : t('news.image.none')}
          {loaderData.canEdit ? (
            <>
              {' · '}
              <a href={href(`/admin/news/${a.id}/image`)}>{t('news.image.change')}</a>
            </>
          ) : null}
        </dd>
        {a.status === 'published' ? (
          <>
            <dt>{t('news.admin.publicPage')}</dt>
            <dd>
              <a href={href(`/news/${a.id}`)}>{t('news.admin.viewPublic')}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {steps.length > 0 ? (
        <section aria-labelledby="ar-steps">
          <h2 id="ar-steps">{t('news.steps.heading')}</h2>
          {steps
            .filter((s) => s !== 'schedule')
            .map((s) => (
              <form key={s} method="post" className="inline-form">
                <input type="hidden" name="intent" value="step" />
                <input type="hidden" name="step" value={s} />
                <input type="hidden" name="version" value={a.version} />
                <button type="submit">{t(`news.step.${s}`)}</button>
              </form>
            ))}
          {steps.includes('schedule') ? (
            <form method="post" className="inline-form">
              <input type="hidden" name="intent" value="step" />
              <input type="hidden" name="step" value="schedule" />
              <input type="hidden" name="version" value={a.version} />
              <TextField
                id="ar-publish-date"
                label={t('news.schedule.date')}
                name="publishDate"
                type="date"
                min={loaderData.today}
                required
              />
              <TextField
                id="ar-publish-time"
                label={t('news.schedule.time')}
                name="publishTime"
                type="time"
                defaultValue="07:00"
                required
              />
              <button type="submit">{t('news.step.schedule')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {loaderData.events.length > 0 ? (
        <>
          <h2>{t('news.field.events')}</h2>
          <ul>
            {loaderData.events.map((e) => (
              <li key={e.id}>
                <a href={href(`/admin/events/${e.id}`)}>{e.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {loaderData.canEdit && options ? (
        <>
          <h2>{t('news.admin.edit')}</h2>
          <ArticleForm
            options={options}
            values={values}
            errors={errors}
            version={version}
            submitLabel={t('news.admin.save')}
          />
        </>
      ) : null}
    </>
  );
}
