// Public news: published articles, newest first, with folded Vietnamese search and a category filter; links
// to the RSS 2.0 and Atom feeds (all, or the chosen category). A plain GET form; no JavaScript.
import { formatDate } from '../../../lib/dates.ts';
import { listPublicArticles } from '../../../modules/news/news.public.usecases.server.ts';
import { PublicListQuerySchema } from '../../../modules/news/news.schemas.server.ts';
import { NEWS_CATEGORIES } from '../../../modules/news/news.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { viData } from '../../ui/data-lang.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { queryAnswer } from '../../ui/page-errors.ts';
import type { Route } from './+types/list.ts';

const KEYS = ['q', 'category', 'tag'] as const;

export const links: Route.LinksFunction = () => [
  { rel: 'alternate', type: 'application/rss+xml', title: 'RSS', href: '/feeds/news.rss' },
  { rel: 'alternate', type: 'application/atom+xml', title: 'Atom', href: '/feeds/news.atom' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v.slice(0, 200);
  }
  const parsed = PublicListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const rows = await listPublicArticles(deps, query);
  return queryAnswer(
    {
      query,
      invalid: !parsed.success,
      articles: rows.map((a) => ({
        id: a.id,
        title: a.title,
        summary: a.summary,
        category: a.category,
        unitName: a.unitName,
        date: a.publishedAt ? formatDate(a.publishedAt) : '',
        iso: a.publishedAt?.toISOString() ?? '',
        imageFileId: a.imageFileId,
        imageAlt: a.imageAlt,
      })),
    },
    parsed.error,
  );
}

export default function NewsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const vi = viData(useLocale());
  const { query: q, articles } = loaderData;
  const feed = q.category ? `/feeds/news/${q.category}` : '/feeds/news';
  return (
    <>
      <title>{`${t('news.list.title')} — Suốt Đời`}</title>
      <h1>{t('news.list.title')}</h1>
      {loaderData.invalid ? (
        <FilterProblems summary="news.filter.invalid" problems={loaderData.problems} />
      ) : null}
      <form method="get" className="filters" aria-label={t('news.list.search')}>
        <TextField id="n-q" label={t('news.filter.q')} name="q" type="search" defaultValue={q.q ?? ''} />
        <SelectField
          id="n-category"
          label={t('news.field.category')}
          name="category"
          defaultValue={q.category ?? ''}
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
        {t('news.list.feeds')} <a href={`${feed}.rss`}>RSS</a> · <a href={`${feed}.atom`}>Atom</a>
      </p>
      {articles.length === 0 ? <p>{t('news.list.none')}</p> : null}
      <ul className="card-grid">
        {articles.map((a) => (
          <li key={a.id} className="card">
            <article>
              <h2 className="card-title">
                <a href={href(`/news/${a.id}`)} {...vi}>
                  {a.title}
                </a>
              </h2>
              {a.imageFileId ? (
                <img src={`/media/${a.imageFileId}/thumb`} alt={a.imageAlt ?? ''} loading="lazy" {...vi} />
              ) : null}
              <p className="muted">
                <time dateTime={a.iso}>{a.date}</time> · {t(`news.category.${a.category}`)} ·{' '}
                <span {...vi}>{a.unitName}</span>
              </p>
              {a.summary ? <p {...vi}>{a.summary}</p> : null}
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
