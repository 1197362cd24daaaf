// Public article page: the sanitised body, picture with its alt text, linked events and campaign, share links
// (plain links, no third-party script) and schema.org NewsArticle JSON-LD. Drafts are visible only to staff
// who read the unit's articles.
import { useRouteLoaderData } from 'react-router';
import { formatDate } from '../../../lib/dates.ts';
import { articleJsonLd, getPublicArticle } from '../../../modules/news/news.public.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { viData } from '../../ui/data-lang.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getPublicArticle(deps, actor, params.articleId);
    const a = v.article;
    const canonical = `${deps.config.publicUrl.replace(/\/$/, '')}/news/${a.id}`;
    return {
      article: {
        id: a.id,
        title: a.title,
        summary: a.summary,
        bodyHtml: a.bodyHtml,
        category: a.category,
        tags: a.tags,
        status: a.status,
        unitName: a.unitName,
        date: a.publishedAt ? formatDate(a.publishedAt) : '',
        iso: a.publishedAt?.toISOString() ?? '',
        imageFileId: a.imageFileId,
        imageAlt: a.imageAlt,
      },
      events: v.events.map((e) => ({ id: e.id, title: e.title })),
      campaign: v.campaign,
      canonical,
      ld: JSON.stringify(articleJsonLd(a, canonical, deps.config.publicUrl.replace(/\/$/, ''))).replace(
        /</g,
        '\\u003c',
      ),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function ArticlePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const vi = viData(useLocale());
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const { article: a, events, campaign, canonical, ld } = loaderData;
  const u = encodeURIComponent(canonical);
  const title = encodeURIComponent(a.title);
  return (
    <article className="news-article">
      <title>{`${a.title} — Suốt Đời`}</title>
      <link rel="canonical" href={canonical} />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON from our presenter with every "<" escaped (loader) */}
      <script type="application/ld+json" nonce={root?.nonce} dangerouslySetInnerHTML={{ __html: ld }} />
      <p className="breadcrumb">
        <a href={href('/news')}>{t('news.list.title')}</a>
      </p>
      <h1 {...vi}>{a.title}</h1>
      {a.status !== 'published' ? <p className="alert-error">{t('news.detail.notPublished')}</p> : null}
      <p className="muted">
        <time dateTime={a.iso}>{a.date}</time> · {t(`news.category.${a.category}`)} ·{' '}
        <span {...vi}>{a.unitName}</span>
      </p>
      {a.summary ? (
        <p className="lead" {...vi}>
          {a.summary}
        </p>
      ) : null}
      {a.imageFileId ? (
        <figure>
          <img src={`/media/${a.imageFileId}/large`} alt={a.imageAlt ?? ''} {...vi} />
        </figure>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save and again by the loader (news.sanitize.server.ts) */}
      <div className="prose" {...vi} dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
      {a.tags.length > 0 ? (
        <p>
          {t('news.field.tags')}:{' '}
          {a.tags.map((tag, i) => (
            <span key={tag}>
              {i > 0 ? ', ' : ''}
              <a href={href(`/news?tag=${encodeURIComponent(tag)}`)} {...vi}>
                {tag}
              </a>
            </span>
          ))}
        </p>
      ) : null}
      {events.length > 0 ? (
        <section aria-labelledby="n-events">
          <h2 id="n-events">{t('news.detail.events')}</h2>
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                <a href={href(`/events/${e.id}`)} {...vi}>
                  {e.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {campaign ? (
        <p>
          {t('news.detail.campaign')}{' '}
          <a href={href(`/news/campaigns/${campaign.id}`)} {...vi}>
            {campaign.title}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="n-share">
        <h2 id="n-share">{t('news.share.heading')}</h2>
        <ul className="inline-list">
          <li>
            <a href={`https://www.facebook.com/sharer/sharer.php?u=${u}`} rel="noopener noreferrer">
              Facebook
            </a>
          </li>
          <li>
            <a href={`https://sp.zalo.me/share_to_zalo?url=${u}`} rel="noopener noreferrer">
              Zalo
            </a>
          </li>
          <li>
            <a href={`https://x.com/intent/post?url=${u}&text=${title}`} rel="noopener noreferrer">
              X
            </a>
          </li>
          <li>
            <a href={`mailto:?subject=${title}&body=${u}`}>{t('news.share.email')}</a>
          </li>
        </ul>
      </section>
    </article>
  );
}
