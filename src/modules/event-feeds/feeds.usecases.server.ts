// iCalendar feeds: all published events, per unit (subtree), per category, one event ("add to calendar"), and
// a private per-user feed of the user's registrations behind a revocable secret URL.
import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound, unauthenticated } from '../../lib/errors.ts';
import { t } from '../../lib/i18n.server.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../events/events.model.server.ts';
import { eventFeedsPort, type FeedSession } from '../events/index.server.ts';
import { buildIcs, type IcsEvent } from './ics.ts';
import { weeklySeries } from './ics-series.ts';

type FeedDeps = Pick<AppDeps, 'db' | 'repos' | 'config' | 'now'>;

/**
 * Past sessions kept in a feed (calendar clients drop what disappears), how far ahead it reaches, and the most
 * sessions served (≈ 450 KB): beyond that, subscribe per unit or per category.
 */
const FEED_PAST_DAYS = 30;
const FEED_AHEAD_DAYS = 365;
export const FEED_LIMIT = 1000;
const REFRESH_MINUTES = 60;
/** Public feeds are rebuilt at most this often per instance; calendar clients poll hourly anyway. */
const CACHE_MS = 60_000;
const feedCache = new WeakMap<object, Map<string, { at: number; doc: Promise<FeedDocument> }>>();

function cacheFor(deps: FeedDeps): Map<string, { at: number; doc: Promise<FeedDocument> }> {
  const all = feedCache;
  let mine = all.get(deps.repos);
  if (!mine) {
    mine = new Map();
    all.set(deps.repos, mine);
  }
  return mine;
}

export type FeedScope =
  | { kind: 'all' }
  | { kind: 'unit'; unit: string }
  | { kind: 'category'; category: string }
  | { kind: 'event'; eventId: string };

export interface FeedDocument {
  body: string;
  /** Shown as the download name. */
  fileName: string;
  /** Strong validator of the body (cached with it). */
  etag: string;
}

export function isEventCategory(s: string): s is EventCategory {
  return (EVENT_CATEGORIES as readonly string[]).includes(s);
}

function location(s: FeedSession): string | null {
  const place = [s.placeName, s.placeAddress].filter(Boolean).join(', ');
  return place || s.onlineUrl || null;
}

export function toIcsEvent(s: FeedSession, publicUrl: string, host = new URL(publicUrl).host): IcsEvent {
  const page = `${publicUrl}/events/${s.eventId}`;
  const link = s.source === 'external' ? (s.url ?? page) : page;
  const origin =
    s.source === 'external' ? t('vi', 'eventFeeds.ics.external', { unit: s.unitName }) : s.unitName;
  return {
    uid: `${s.sessionId}@${host}`,
    summary: s.title,
    description: [s.description, origin, link].filter(Boolean).join('\n\n'),
    location: location(s),
    url: link,
    start: s.startsAt,
    end: s.endsAt,
    stamp: s.updatedAt,
    status: s.status === 'cancelled' || s.sessionCancelled ? 'CANCELLED' : 'CONFIRMED',
    categories: [t('vi', `eventFeeds.category.${s.category as EventCategory}`)],
    geo: s.lat !== null && s.lng !== null ? { lat: s.lat, lng: s.lng } : null,
  };
}

/**
 * The feed's VEVENTs: a weekly series as one recurring VEVENT (UID `<event id>@host`, RRULE + EXDATE), every
 * other session as its own VEVENT (UID `<session id>@host`, unchanged for existing subscribers).
 */
export function feedEvents(sessions: readonly FeedSession[], publicUrl: string, host: string): IcsEvent[] {
  const byEvent = new Map<string, FeedSession[]>();
  for (const s of sessions) {
    const list = byEvent.get(s.eventId);
    if (list) list.push(s);
    else byEvent.set(s.eventId, [s]);
  }
  const out: IcsEvent[] = [];
  for (const list of byEvent.values()) {
    const head = list.find((s) => !s.sessionCancelled) ?? list[0];
    const series =
      head?.recurring && head.source === 'local'
        ? weeklySeries(
            list.map((s) => ({ start: s.startsAt, end: s.endsAt, cancelled: s.sessionCancelled })),
            toIcsEvent(head, publicUrl, host),
            `${head.eventId}@${host}`,
          )
        : null;
    if (series) out.push(series);
    else for (const s of list) out.push(toIcsEvent(s, publicUrl, host));
  }
  return out.sort((a, b) => +a.start - +b.start);
}

function document(deps: FeedDeps, name: string, fileName: string, sessions: FeedSession[]): FeedDocument {
  const publicUrl = deps.config.publicUrl.replace(/\/$/, '');
  const host = new URL(publicUrl).host;
  const body = buildIcs({
    name,
    refreshMinutes: REFRESH_MINUTES,
    events: feedEvents(sessions, publicUrl, host),
  });
  return { body, fileName, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** A public feed, served from a short per-instance cache. Unknown units, categories and events answer 404. */
export function publicFeed(deps: FeedDeps, actor: Actor, scope: FeedScope): Promise<FeedDocument> {
  const cache = cacheFor(deps);
  const key = JSON.stringify(scope);
  const now = performance.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.doc;
  if (cache.size > 500) cache.clear();
  const doc = buildPublicFeed(deps, actor, scope);
  cache.set(key, { at: now, doc });
  doc.catch(() => cache.delete(key));
  return doc;
}

async function buildPublicFeed(deps: FeedDeps, _actor: Actor, scope: FeedScope): Promise<FeedDocument> {
  const now = deps.now().getTime();
  const from = new Date(now - FEED_PAST_DAYS * 86_400_000);
  const to = new Date(now + FEED_AHEAD_DAYS * 86_400_000);
  const base = { from, to, includeCancelled: true, limit: FEED_LIMIT };
  const site = t('vi', 'eventFeeds.ics.siteName');
  switch (scope.kind) {
    case 'all':
      return document(deps, site, 'su-kien.ics', await eventFeedsPort.sessions(deps.db, base));
    case 'unit': {
      const unit = await deps.repos.eventFeeds.unitByIdOrCode(deps.db, scope.unit);
      if (!unit) throw notFound('eventFeeds.unit');
      const sessions = await eventFeedsPort.sessions(deps.db, { ...base, unitRootId: unit.id });
      return document(deps, `${unit.name} — ${site}`, `su-kien-${unit.code}.ics`, sessions);
    }
    case 'category': {
      if (!isEventCategory(scope.category)) throw notFound('eventFeeds.category');
      const sessions = await eventFeedsPort.sessions(deps.db, { ...base, category: scope.category });
      const label = t('vi', `eventFeeds.category.${scope.category}`);
      return document(deps, `${label} — ${site}`, `su-kien-${scope.category}.ics`, sessions);
    }
    case 'event': {
      const event = await eventFeedsPort.eventTitle(deps.db, scope.eventId);
      if (!event || event.status === 'draft') throw notFound('eventFeeds.event');
      const sessions = await eventFeedsPort.sessions(deps.db, {
        eventId: event.id,
        includeCancelled: true,
        limit: FEED_LIMIT,
      });
      return document(deps, event.title, `${event.id}.ics`, sessions);
    }
  }
}

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The private feed of the token's owner: every session they registered for, waitlisted included. */
export async function privateFeed(deps: FeedDeps, token: string): Promise<FeedDocument> {
  if (!TOKEN_PATTERN.test(token)) throw notFound('eventFeeds.token');
  const userId = await deps.repos.eventFeeds.userByFeedToken(deps.db, hashFeedToken(token));
  if (!userId) throw notFound('eventFeeds.token');
  const from = new Date(deps.now().getTime() - FEED_PAST_DAYS * 86_400_000);
  const sessions = await eventFeedsPort.sessions(deps.db, {
    from,
    registeredUserId: userId,
    includeCancelled: true,
    limit: FEED_LIMIT,
  });
  return document(deps, t('vi', 'eventFeeds.ics.privateName'), 'lich-cua-toi.ics', sessions);
}

function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

export function privateFeedPath(token: string): string {
  return `/feeds/me/${token}.ics`;
}

/** Creates (or replaces, which revokes the old URL) the actor's private feed secret; shown once. */
export async function createFeedToken(deps: FeedDeps, actor: Actor): Promise<{ url: string }> {
  const user = requireUser(actor);
  const token = randomBytes(32).toString('base64url');
  await deps.repos.eventFeeds.setFeedToken(deps.db, user.userId, hashFeedToken(token));
  return { url: `${deps.config.publicUrl.replace(/\/$/, '')}${privateFeedPath(token)}` };
}

export async function revokeFeedToken(deps: FeedDeps, actor: Actor): Promise<void> {
  const user = requireUser(actor);
  if (!(await deps.repos.eventFeeds.revokeFeedToken(deps.db, user.userId))) {
    throw new AppError('eventFeeds.no_token', 404, 'eventFeeds.error.noToken');
  }
}

export async function feedTokenStatus(
  deps: FeedDeps,
  actor: Actor,
): Promise<{ createdAt: Date; lastUsedAt: Date | null } | null> {
  const user = requireUser(actor);
  return deps.repos.eventFeeds.feedToken(deps.db, user.userId);
}
