// What visitors see: published articles (list with folded search, one article with its linked events and
// campaign), campaign pages (articles, events and materials of one theme), and the RSS 2.0 / Atom feeds.
// Bodies are sanitised again on the way out, whatever is stored.
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { notFound } from '../../lib/errors.ts';
import { eventsPort } from '../events/index.server.ts';
import type { ArticleRecord } from './news.repository.server.ts';
import { htmlToText, sanitizeArticleHtml } from './news.sanitize.server.ts';
import type { PublicListQuery } from './news.schemas.server.ts';
import { articleVisible } from './news.usecases.server.ts';
import { NEWS_CATEGORIES, type NewsCategory } from './news.vocab.ts';

const PUBLISHER = 'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Deps = Pick<AppDeps, 'db' | 'repos' | 'config' | 'now'>;

const unitNames = async (deps: Deps) =>
  new Map((await deps.repos.units.all(deps.db)).map((u) => [u.id, u.name] as const));

export async function listPublicArticles(deps: Deps, q: PublicListQuery, limit = 50) {
  const rows = await deps.repos.news.listPublished(deps.db, { ...q, limit });
  const names = await unitNames(deps);
  return rows.map((a) => ({ ...a, bodyHtml: '', unitName: names.get(a.unitId) ?? '' }));
}

export async function getPublicArticle(deps: Deps, actor: Actor, id: string) {
  const a = await deps.repos.news.byId(deps.db, id);
  if (!a || !articleVisible(actor, a)) throw notFound('news.article');
  const events = (await eventsPort.summaries(deps, deps.db, a.eventIds)).filter(
    (e) => e.status === 'published',
  );
  const campaign = a.campaignId ? await deps.repos.newsCampaigns.byId(deps.db, a.campaignId) : undefined;
  const names = await unitNames(deps);
  return {
    article: { ...a, bodyHtml: sanitizeArticleHtml(a.bodyHtml), unitName: names.get(a.unitId) ?? '' },
    events,
    campaign: campaign ? { id: campaign.id, title: campaign.title } : null,
  };
}

export async function getCampaign(deps: Deps, id: string) {
  const c = await deps.repos.newsCampaigns.byId(deps.db, id);
  if (!c) throw notFound('news.campaign');
  const articles = await deps.repos.news.listPublished(deps.db, { campaignId: id, limit: 100 });
  const eventIds = [...new Set([...c.eventIds, ...articles.flatMap((a) => a.eventIds)])];
  const events = (await eventsPort.summaries(deps, deps.db, eventIds)).filter(
    (e) => e.status === 'published',
  );
  const media = await deps.repos.newsCampaigns.mediaFor(deps.db, { campaignId: id });
  return { campaign: c, articles: articles.map((a) => ({ ...a, bodyHtml: '' })), events, media };
}

/** schema.org NewsArticle for one article page. */
export function articleJsonLd(
  a: ArticleRecord & { unitName: string },
  canonical: string,
  publicUrl: string,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.summary || undefined,
    articleSection: a.category,
    keywords: a.tags.length > 0 ? a.tags.join(', ') : undefined,
    datePublished: a.publishedAt?.toISOString(),
    dateModified: a.updatedAt.toISOString(),
    mainEntityOfPage: canonical,
    url: canonical,
    image: a.imageFileId ? [`${publicUrl}/media/${a.imageFileId}/large`] : undefined,
    author: { '@type': 'Organization', name: a.unitName },
    publisher: { '@type': 'Organization', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa' },
    inLanguage: 'vi',
  };
}

export interface NewsFeedDocument {
  body: string;
  contentType: string;
  etag: string;
}

/** RSS 2.0 or Atom 1.0 of the newest published articles, all or one category. Links are absolute. */
export async function newsFeed(
  deps: Deps,
  format: 'rss' | 'atom',
  category: string | null,
): Promise<NewsFeedDocument> {
  if (category !== null && !(NEWS_CATEGORIES as readonly string[]).includes(category))
    throw notFound('news.feed');
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const rows = await deps.repos.news.listPublished(deps.db, {
    category: (category ?? undefined) as NewsCategory | undefined,
    limit: 50,
  });
  const names = await unitNames(deps);
  const path = category ? `/feeds/news/${category}` : '/feeds/news';
  const newest = rows[0]?.publishedAt ?? new Date(0);
  const feed = new Feed({
    title: category ? `Tin tức — ${category} — Suốt Đời Khánh Hòa` : 'Tin tức — Suốt Đời Khánh Hòa',
    description: 'Tin tức học tập suốt đời của Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa',
    id: `${base}/news${category ? `?category=${category}` : ''}`,
    link: `${base}/news${category ? `?category=${category}` : ''}`,
    language: 'vi',
    updated: newest,
    generator: 'Suốt Đời',
    copyright: PUBLISHER,
    feedLinks: format === 'rss' ? { rss: `${base}${path}.rss` } : { atom: `${base}${path}.atom` },
    // Atom needs an author for the feed (or every entry); RSS 2.0's <author> must be an e-mail, so none there.
    ...(format === 'atom' ? { author: { name: PUBLISHER } } : {}),
  });
  // Atom says its text is type="html": plain text must be escaped once more to stay plain text.
  const text = (s: string) => (format === 'atom' ? escapeHtml(s) : s);
  for (const a of rows) {
    const link = `${base}/news/${a.id}`;
    const body = sanitizeArticleHtml(a.bodyHtml);
    feed.addItem({
      title: text(a.title),
      id: link,
      guid: link,
      link,
      date: a.publishedAt ?? a.updatedAt,
      published: a.publishedAt ?? a.updatedAt,
      description: text(a.summary || htmlToText(body).slice(0, 300)),
      content: body.replace(/(src|href)="\/(?!\/)/g, `$1="${base}/`),
      category: [{ name: a.category }],
      ...(format === 'atom' ? { author: [{ name: names.get(a.unitId) ?? PUBLISHER }] } : {}),
      ...(a.imageFileId ? { image: `${base}/media/${a.imageFileId}/large` } : {}),
    });
  }
  const body = format === 'rss' ? feed.rss2() : feed.atom1();
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return {
    body,
    contentType:
      format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
    etag,
  };
}
