// Back office: the articles of the units the staff member reads, filtered (folded search, state, category),
// with CSV/XLSX export of the same list and a link to write one.
import { scopeRoots } from '../../../app/policies.server.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { StaffListQuerySchema } from '../../../modules/news/news.schemas.server.ts';
import { listStaffArticles } from '../../../modules/news/news.usecases.server.ts';
import { ARTICLE_STATUSES, NEWS_CATEGORIES } from '../../../modules/news/news.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/list.ts';

const KEYS = ['q', 'status', 'category'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'news.article.read').length === 0) throw new Response(null, { status: 403 });
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = StaffListQuerySchema.safeParse(raw);
  try {
    const rows = await listStaffArticles(deps, actor, parsed.success ? parsed.data : {});
    return queryAnswer(
      {
        filters: raw,
        query: parsed.success ? new URLSearchParams(raw).toString() : '',
        canCreate: scopeRoots(actor, 'news.article.create').length > 0,
        articles: rows.map((a) => ({
          id: a.id,
          title: a.title,
          unitName: a.unitName,
          category: a.category,
          status: a.status,
          when: a.publishedAt
            ? formatDateTime(a.publishedAt)
            : a.publishAt
              ? formatDateTime(a.publishAt)
              : '',
        })),
      },
      parsed.success ? undefined : parsed.error,
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function AdminNews({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { filters: f, articles, query } = loaderData;
  const suffix = query ? `?${query}` : '';
  return (
    <>
      <title>{`${t('news.admin.title')} — Suốt Đời`}</title>
      <h1>{t('news.admin.title')}</h1>
      <p>
        {loaderData.canCreate ? (
          <>
            <a className="button" href={href('/admin/news/new')}>
              {t('news.admin.new')}
            </a>{' '}
          </>
        ) : null}
        <a href={href('/admin/news/campaigns')}>{t('news.campaigns.title')}</a>
      </p>
      {loaderData.problems.length > 0 ? (
        <FilterProblems summary="news.filter.invalid" problems={loaderData.problems} />
      ) : null}
      <form method="get" className="filters">
        <TextField id="nf-q" label={t('news.filter.q')} name="q" type="search" defaultValue={f.q ?? ''} />
        <SelectField
          id="nf-status"
          label={t('news.field.status')}
          name="status"
          defaultValue={f.status ?? ''}
        >
          <option value="">{t('news.filter.all')}</option>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`news.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="nf-category"
          label={t('news.field.category')}
          name="category"
          defaultValue={f.category ?? ''}
        >
          <option value="">{t('news.filter.all')}</option>
          {NEWS_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`news.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('news.filter.submit')}</button>
      </form>
      <p>
        <a href={`/admin/news/export/csv${suffix}`}>{t('news.export.csv')}</a>
        {' · '}
        <a href={`/admin/news/export/xlsx${suffix}`}>{t('news.export.xlsx')}</a>
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t('news.admin.caption', { count: articles.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('news.field.title')}</th>
              <th scope="col">{t('news.field.unit')}</th>
              <th scope="col">{t('news.field.status')}</th>
              <th scope="col">{t('news.col.publishedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={href(`/admin/news/${a.id}`)}>{a.title}</a>
                  <span className="muted"> — {t(`news.category.${a.category}`)}</span>
                </th>
                <td>{a.unitName}</td>
                <td>{t(`news.status.${a.status}`)}</td>
                <td>{a.when}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
