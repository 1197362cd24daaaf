// Community calendar: root administrators keep an allow-list of partner hosts; unit staff subscribe their unit
// to partner iCalendar feeds on those hosts; a scheduled job fetches each feed through safeFetch (public
// addresses only, timeout, size cap) and copies its events into `events` as source='external'.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import {
  ALLOW_LOOPBACK_FOR_TESTS,
  hostMatches,
  isValidHostPattern,
  normaliseHost,
  SafeFetchError,
  safeFetch,
} from '../../lib/safe-fetch.server.ts';
import { externalEvents } from '../events/index.server.ts';
import { outboundAllowList } from '../outbound/index.server.ts';
import { PartnerCalendarError, parsePartnerCalendar } from './community.parse.server.ts';
import type { AllowedHost, Subscription } from './community.repository.server.ts';
import type { AllowedHostInput, SubscriptionInput } from './event-feeds.schemas.server.ts';

type CommunityDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'logger' | 'config'>;

export const COMMUNITY_REFRESH_JOB = 'eventFeeds.community.refresh';
const FETCH_TIMEOUT_MS = 10_000;
const FETCH_MAX_BYTES = 2 * 1024 * 1024;
const LIMITS = { pastDays: 7, horizonDays: 365, maxEvents: 500, maxSessionsPerEvent: 60 };

/** Tests point subscriptions at a local server; honoured by safeFetch only when NODE_ENV is 'test'. */
const TEST_LOOPBACK = Symbol('suotdoi.eventFeeds.allowLoopback');
export function allowLoopbackInTests(deps: object): void {
  (deps as Record<symbol, boolean>)[TEST_LOOPBACK] = true;
}

async function rootUnitId(deps: CommunityDeps): Promise<string> {
  const roots = await deps.repos.units.roots(deps.db);
  const root = roots[0];
  if (!root) throw notFound('units.root');
  return root.id;
}

async function authorizeAllowList(deps: CommunityDeps, actor: Actor): Promise<void> {
  authorize(actor, 'eventFeeds.allowlist.manage', { unitId: await rootUnitId(deps) });
}

export async function listAllowedHosts(deps: CommunityDeps, actor: Actor): Promise<AllowedHost[]> {
  if (scopeRoots(actor, 'eventFeeds.subscription.manage').length === 0) {
    authorize(actor, 'eventFeeds.subscription.manage', {});
  }
  return (await outboundAllowList.hosts(deps, deps.db, 'calendar')).map((h) => ({
    ...h,
    note: h.note ?? '',
  }));
}

export async function addAllowedHost(deps: CommunityDeps, actor: Actor, input: AllowedHostInput) {
  await authorizeAllowList(deps, actor);
  const pattern = normaliseHost(input.pattern);
  if (!isValidHostPattern(pattern)) {
    throw new AppError('eventFeeds.bad_host', 422, 'eventFeeds.error.badHost');
  }
  await deps.db.transaction(async (tx) => {
    const added = await outboundAllowList.add(
      deps,
      tx,
      'calendar',
      pattern,
      input.note ?? '',
      actor.kind === 'user' ? actor.userId : '',
    );
    if (!added) throw new AppError('eventFeeds.host_exists', 409, 'eventFeeds.error.hostExists');
    await deps.audit.record(tx, actor, {
      action: 'eventFeeds.allowlist.add',
      entityType: 'calendar_allowed_host',
      entityId: pattern,
      before: null,
      after: { pattern, note: input.note ?? '' },
    });
  });
}

export async function removeAllowedHost(deps: CommunityDeps, actor: Actor, pattern: string) {
  await authorizeAllowList(deps, actor);
  await deps.db.transaction(async (tx) => {
    if (!(await outboundAllowList.remove(deps, tx, 'calendar', pattern))) throw notFound('eventFeeds.host');
    await deps.audit.record(tx, actor, {
      action: 'eventFeeds.allowlist.remove',
      entityType: 'calendar_allowed_host',
      entityId: pattern,
      before: { pattern },
      after: null,
    });
  });
}

/** Subscriptions the actor may manage (administrators of the root see all). */
export async function listSubscriptions(deps: CommunityDeps, actor: Actor): Promise<Subscription[]> {
  const roots = scopeRoots(actor, 'eventFeeds.subscription.manage');
  if (roots.length === 0) authorize(actor, 'eventFeeds.subscription.manage', {});
  return deps.repos.communityCalendar.list(deps.db, roots);
}

/** What the admin page offers: units the actor may subscribe, and whether they keep the allow-list. */
export async function subscriptionFormOptions(deps: CommunityDeps, actor: Actor) {
  const units = (await deps.repos.units.all(deps.db))
    .filter((u) => !u.validTo && can(actor, 'eventFeeds.subscription.manage', { unitId: u.id }))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const manageHosts = can(actor, 'eventFeeds.allowlist.manage', { unitId: await rootUnitId(deps) });
  return { units, manageHosts };
}

export async function addSubscription(
  deps: CommunityDeps,
  actor: Actor,
  input: SubscriptionInput,
): Promise<Subscription> {
  authorize(actor, 'eventFeeds.subscription.manage', { unitId: input.unitId });
  const url = new URL(input.url);
  const hosts = await outboundAllowList.patterns(deps, deps.db, 'calendar');
  if (!hostMatches(url.hostname, hosts)) {
    throw new AppError('eventFeeds.host_not_allowed', 422, 'eventFeeds.error.hostNotAllowed', {
      params: { host: url.hostname },
    });
  }
  const id = await deps.db.transaction(async (tx) => {
    const created = await deps.repos.communityCalendar.insert(tx, {
      unitId: input.unitId,
      name: input.name,
      url: url.href,
      category: input.category,
      createdBy: actor.kind === 'user' ? actor.userId : '',
    });
    if (!created)
      throw new AppError('eventFeeds.subscription_exists', 409, 'eventFeeds.error.subscriptionExists');
    await deps.audit.record(tx, actor, {
      action: 'eventFeeds.subscription.create',
      entityType: 'calendar_subscription',
      entityId: created,
      unitId: input.unitId,
      before: null,
      after: { name: input.name, url: url.href, category: input.category },
    });
    return created;
  });
  const sub = await deps.repos.communityCalendar.byId(deps.db, id);
  if (!sub) throw notFound('eventFeeds.subscription');
  return sub;
}

async function loadForManage(deps: CommunityDeps, actor: Actor, id: string): Promise<Subscription> {
  const sub = await deps.repos.communityCalendar.byId(deps.db, id);
  if (!sub || !can(actor, 'eventFeeds.subscription.manage', { unitId: sub.unitId })) {
    authorize(actor, 'eventFeeds.subscription.manage', {}); // 401 for visitors, then 404 (no id probing)
    throw notFound('eventFeeds.subscription');
  }
  return sub;
}

export async function deleteSubscription(deps: CommunityDeps, actor: Actor, id: string): Promise<void> {
  const sub = await loadForManage(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    await externalEvents.deleteFromSource(deps, tx, id);
    await deps.repos.communityCalendar.delete(tx, id);
    await deps.audit.record(tx, actor, {
      action: 'eventFeeds.subscription.delete',
      entityType: 'calendar_subscription',
      entityId: id,
      unitId: sub.unitId,
      before: { name: sub.name, url: sub.url },
      after: null,
    });
  });
}

export interface SyncResult {
  status: 'ok' | 'error';
  events: number;
  cancelled: number;
  error: string | null;
}

/** Fetches one subscription and copies its events; failures are recorded on the subscription, not thrown. */
export async function syncSubscription(deps: CommunityDeps, sub: Subscription): Promise<SyncResult> {
  const at = deps.now();
  const hosts = await outboundAllowList.patterns(deps, deps.db, 'calendar');
  try {
    const res = await safeFetch(sub.url, {
      allowList: hosts,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: FETCH_MAX_BYTES,
      accept: 'text/calendar, text/plain;q=0.5',
      userAgent: 'SuotDoi/1.0 (community calendar)',
      [ALLOW_LOOPBACK_FOR_TESTS]: (deps as Record<symbol, unknown>)[TEST_LOOPBACK] === true,
    });
    if (res.status < 200 || res.status >= 300) throw new PartnerCalendarError(`HTTP ${res.status}`);
    const events = parsePartnerCalendar(res.body.toString('utf8'), { now: at, ...LIMITS });
    const cancelled = await deps.db.transaction(async (tx) => {
      for (const e of events) {
        await externalEvents.upsert(deps, tx, {
          subscriptionId: sub.id,
          unitId: sub.unitId,
          uid: e.uid,
          title: e.title,
          description: [e.description, e.location].filter(Boolean).join('\n\n'),
          category: sub.category,
          url: e.url,
          cancelled: e.cancelled,
          sessions: e.sessions,
        });
      }
      const gone = await externalEvents.cancelMissing(
        deps,
        tx,
        sub.id,
        events.map((e) => e.uid),
      );
      await deps.repos.communityCalendar.recordFetch(tx, sub.id, {
        status: 'ok',
        error: null,
        count: events.length,
        at,
      });
      return gone;
    });
    return { status: 'ok', events: events.length, cancelled, error: null };
  } catch (e) {
    if (!(e instanceof SafeFetchError || e instanceof PartnerCalendarError)) {
      deps.logger.error({ err: e, subscriptionId: sub.id }, 'community calendar sync failed');
    }
    const error =
      e instanceof SafeFetchError ? e.code : e instanceof PartnerCalendarError ? e.message : 'internal_error';
    await deps.repos.communityCalendar.recordFetch(deps.db, sub.id, {
      status: 'error',
      error,
      count: null,
      at,
    });
    return { status: 'error', events: 0, cancelled: 0, error };
  }
}

/** "Refresh now" from the admin page. */
export async function refreshSubscription(
  deps: CommunityDeps,
  actor: Actor,
  id: string,
): Promise<SyncResult> {
  const sub = await loadForManage(deps, actor, id);
  return syncSubscription(deps, sub);
}

/** The scheduled job: every active subscription, one after another. */
export async function runCommunityRefreshJob(deps: AppDeps): Promise<void> {
  for (const sub of await deps.repos.communityCalendar.active(deps.db)) await syncSubscription(deps, sub);
}
