// Back office: the articles of the units the staff member reads, filtered (folded search, state, category),
// with CSV/XLSX export of the same list and a link to write one.
import { scopeRoots } from '../../../app/policies.server.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { StaffListQuerySchema } from '../../../modules/news/news.schemas.server.ts';
import { listStaffArticles } from '../../../modules/news/news.usecases.server.ts';
import { ARTICLE_STATUSES, NEWS_CATEGORIES } from '../../../modules/news/news.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { FilterSelect } from '../../ui/FilterSelect.tsx';
import { readListQuery } from '../../ui/list-query.ts';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import { ExportLinks, FilterForm } from '../../ui/RegisterList.tsx';
import type { Route } from './+types/list.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'news.article.read').length === 0) throw new Response(null, { status: 403 });
  const { raw, query, search, error } = readListQuery(StaffListQuerySchema, new URL(request.url));
  try {
    const rows = await listStaffArticles(deps, actor, query);
    return queryAnswer(
      {
        filters: raw,
        search,
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
      error ?? undefined,
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function AdminNews({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { filters: f, articles } = loaderData;
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
      <FilterForm>
        <TextField id="nf-q" label={t('news.filter.q')} name="q" type="search" defaultValue={f.q ?? ''} />
        <FilterSelect
          id="nf-status"
          name="status"
          label={t('news.field.status')}
          allLabel={t('ui.filter.all')}
          value={f.status}
          options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`news.status.${s}`) }))}
        />
        <FilterSelect
          id="nf-category"
          name="category"
          label={t('news.field.category')}
          allLabel={t('ui.filter.all')}
          value={f.category}
          options={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
        />
      </FilterForm>
      <ExportLinks base="/admin/news/export" search={loaderData.search} />
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
