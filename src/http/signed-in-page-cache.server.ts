// Signed-in pages kept per process (ADR 0013, "Signed-in page cache").
//
// A staff member who opens the same admin list again gets the same HTML as long as neither who they are (the
// actor: account, grants, two-step state) nor the rows the page read have changed. This cache keeps such a
// page's HTML per worker, keyed by the actor and the path and query, and forgets it as soon as either changes:
// - a page opts in with ONE declaration, its route's `handle.pageCache.tables`: every table its loaders (and
//   its layouts' loaders, beyond the actor and settings) read. `declarePageCache` (the build wrapper) marks the
//   answer of such a route; no other page is ever kept;
// - the `page_data_changed` notification (migration 0204: statement triggers on the declared tables, sent at
//   commit by any writer) forgets every page that read the named table, in every process;
// - the `actor_changed` notification (migration 0198: sessions, users, role grants, settings) forgets that
//   account's pages ('*': all). The actor is part of the key as well, so a changed grant, two-step state or
//   name never meets an entry made for the old one;
// - any write request handled by this process empties it, before and after the write (the app's one write
//   hook, `forgetOnWrite`); a render that raced any of these is not kept (a generation count);
// - while either channel is not listening (not yet, or its connection was lost), nothing is served, and a new
//   listen starts empty; SIGNED_IN_PAGE_CACHE_TTL_MS (10 s in production, 0 = off) is the backstop.
// Listening, the generation and the write hook are the shared primitive's (src/lib/notified-cache.server.ts).
// Authentication still runs first (the actor resolution before this middleware): a revoked session is
// anonymous and never matches, and the guards' decision depends only on what the key holds. A hit replaces the
// stored CSP nonce with this request's; a page holding a one-time form token (`ftk_…`) is never kept.
import type { MiddlewareHandler } from 'hono';
import type { ServerBuild } from 'react-router';
import type { AppDeps } from '../app/deps.types.ts';
import type { Actor } from '../lib/authz.ts';
import { createNotifiedCache, type Forgettable, type NotifiedCache } from '../lib/notified-cache.server.ts';
import type { HonoEnv } from './env.ts';

export const PAGE_DATA_CHANNEL = 'page_data_changed';
const ACTOR_CHANNEL = 'actor_changed';
/** Pages kept per worker; the oldest goes first. */
export const SIGNED_IN_PAGE_CACHE_MAX_ENTRIES = 2_000;
/** A page larger than this is not kept (the task list is ~18 KB). */
export const SIGNED_IN_PAGE_MAX_BYTES = 512 * 1024;
/** Any rendered one-time form token starts with this (src/web/ui/FormToken.tsx). */
const FORM_TOKEN_PREFIX = 'ftk_';
/** Set on a declaring route's answer by the build wrapper, read and removed by the middleware. */
const TABLES_HEADER = 'x-suotdoi-page-tables';
/** Vietnam's fixed offset: the day is part of the key (pages compare dates with "today"). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** What a route declares to be kept: `export const handle = { pageCache: { tables: ['plan_tasks', …] } }`. */
export interface PageCacheDeclaration {
  /** Every table the page's loaders read (each needs migration 0204's trigger). */
  tables: readonly string[];
}

type Middleware = (args: unknown, next: () => Promise<unknown>) => unknown;
interface RouteModuleLike {
  handle?: { pageCache?: PageCacheDeclaration } | undefined;
  middleware?: Middleware[];
  [key: string]: unknown;
}

function marker(tables: readonly string[]): Middleware {
  const value = tables.join(',');
  return async (_args, next) => {
    const res = await next();
    // Only a document answer is marked (a `.data` fetch or a thrown redirect passes through unmarked).
    if (res instanceof Response && res.status === 200) res.headers.set(TABLES_HEADER, value);
    return res;
  };
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/** The build with a marking middleware on each route that declares `handle.pageCache` (same build, same object). */
export function declarePageCache(build: ServerBuild): ServerBuild {
  const known = wrapped.get(build);
  if (known) return known;
  const routes: ServerBuild['routes'] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const module = route.module as unknown as RouteModuleLike;
    const tables = module.handle?.pageCache?.tables;
    if (!Array.isArray(tables) || tables.length === 0) {
      routes[id] = route;
      continue;
    }
    // First: it sees the answer last, after the route's own middleware and the page's render.
    const next: RouteModuleLike = { ...module, middleware: [marker(tables), ...(module.middleware ?? [])] };
    routes[id] = { ...route, module: next as unknown as typeof route.module };
  }
  const result: ServerBuild = { ...build, routes };
  wrapped.set(build, result);
  return result;
}

interface Entry {
  userId: string;
  tables: readonly string[];
  storedAt: number;
  status: number;
  headers: [string, string][];
  /** The page cut at its CSP nonce: joined with this request's nonce on a hit. */
  parts: string[];
}

export interface SignedInPageCache extends Forgettable {
  /** Wraps the page handler: answers from memory when it may, keeps what a declaring route rendered. */
  middleware: MiddlewareHandler<HonoEnv>;
  size(): number;
  /** True while both notification channels are listening (only then is anything served or kept). */
  listening(): boolean;
}

const grantKeys = new WeakMap<object, string>();

/** Everything of the actor that a page or its guards may depend on, as one string. */
export function actorKey(actor: Extract<Actor, { kind: 'user' }>): string {
  let grants = grantKeys.get(actor.grants);
  if (grants === undefined) {
    grants = actor.grants
      .map((g) => `${g.role}@${g.unitId}`)
      .sort()
      .join(',');
    grantKeys.set(actor.grants, grants);
  }
  const mfa = `${actor.twoFactorEnabled ? 1 : 0}${actor.staffMfaRequired === undefined ? 'u' : actor.staffMfaRequired ? 1 : 0}`;
  return `${actor.userId}\u0000${mfa}\u0000${grants}\u0000${actor.name}\u0000${actor.email}`;
}

function pathAndQuery(url: string): string {
  const at = url.indexOf('/', url.indexOf('//') + 2);
  return at === -1 ? '/' : url.slice(at);
}

export function createSignedInPageCache(
  deps: Pick<AppDeps, 'config' | 'dbh' | 'logger' | 'now'> & { repos?: Pick<AppDeps['repos'], 'settings'> },
): SignedInPageCache {
  const ttl = deps.config.signedInPageCacheTtlMs;
  const enabled = ttl > 0;
  // '*' is a settings change: the settings' own memory (10 s) goes first, or the next render would read the old
  // value and be kept past it.
  const forget = (payload: string, pick: (e: Entry) => boolean): void => {
    if (payload && payload !== '*') {
      entries.forgetWhere(pick);
      return;
    }
    deps.repos?.settings.forgetCached();
    entries.forgetAll();
  };
  const entries: NotifiedCache<Entry> = createNotifiedCache<Entry>({
    maxEntries: SIGNED_IN_PAGE_CACHE_MAX_ENTRIES,
    overflow: 'oldest',
    // Off (TTL 0): it listens to nothing, and the middleware never looks.
    ...(enabled
      ? {
          notifications: {
            name: 'signed-in page cache',
            dbh: deps.dbh,
            logger: deps.logger,
            // A change missed while not listening may be a setting: its memory goes too.
            onListenChange: () => deps.repos?.settings.forgetCached(),
            channels: {
              [ACTOR_CHANNEL]: (userId: string) => forget(userId, (e) => e.userId === userId),
              [PAGE_DATA_CHANNEL]: (table: string) => forget(table, (e) => e.tables.includes(table)),
            },
          },
        }
      : {}),
  });
  const listening = entries.listening;

  const middleware: MiddlewareHandler<HonoEnv> = async (c, next) => {
    const actor = c.get('actor');
    if (!enabled || c.req.method !== 'GET' || actor.kind !== 'user') {
      await next();
      if (c.res.headers.has(TABLES_HEADER)) {
        c.res.headers.delete(TABLES_HEADER);
        // A declaring page is per user whether or not it is kept here: no browser or proxy keeps it.
        c.res.headers.set('cache-control', 'private, no-store');
      }
      return;
    }
    const day = Math.floor((deps.now().getTime() + VIETNAM_OFFSET_MS) / 86_400_000);
    const key = `${actorKey(actor)}\u0000${day}\u0000${pathAndQuery(c.req.url)}`;
    const nonce = c.get('nonce');
    if (entries.get(key)) {
      // Every notification committed before this request is handled first (one shared round trip on the
      // listening connection): a write committed anywhere is seen by the very next request.
      await deps.dbh.caughtUp();
      const hit = entries.get(key);
      if (hit && Date.now() - hit.storedAt < ttl && (hit.parts.length === 1 || nonce)) {
        const body = hit.parts.length === 1 ? (hit.parts[0] as string) : hit.parts.join(nonce);
        return new Response(body, { status: hit.status, headers: hit.headers });
      }
      if (hit) entries.delete(key);
    }
    const generation = entries.generation();
    await next();
    const res = c.res;
    const tables = res.headers.get(TABLES_HEADER);
    if (tables === null) return;
    res.headers.delete(TABLES_HEADER);
    if (
      res.status !== 200 ||
      res.headers.has('set-cookie') ||
      !(res.headers.get('content-type') ?? '').startsWith('text/html')
    )
      return;
    // Private to this user: no shared cache and no browser cache may keep it (a signed-in page).
    res.headers.set('cache-control', 'private, no-store');
    const body = await res.text();
    const headers = [...res.headers.entries()];
    // Dropped first, or Hono would rebuild the new answer from the old one's (already read) body stream.
    c.res = undefined;
    c.res = new Response(body, { status: res.status, headers });
    if (body.length > SIGNED_IN_PAGE_MAX_BYTES || body.includes(FORM_TOKEN_PREFIX)) return;
    entries.set(
      key,
      {
        userId: actor.userId,
        tables: tables.split(','),
        storedAt: Date.now(),
        status: res.status,
        headers,
        parts: nonce ? body.split(nonce) : [body],
      },
      generation,
    );
  };

  return { middleware, forgetAll: entries.forgetAll, size: entries.size, listening };
}
