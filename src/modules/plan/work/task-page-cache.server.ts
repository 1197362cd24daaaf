// Answers of GET /api/v1/plan/tasks kept per process (issue 17; ADR 0013, "plan task API"): the JSON text
// PostgreSQL built, with its weak ETag, by (caller's read scope, filters, page, page size, Vietnam's day), for
// at most `config.apiCacheTtlMs` (2 s in production, 0 = off). Authorisation runs on every request before the
// lookup; only the data is shared, and only between callers with the same scope. Everything is forgotten
// - when `page_data_changed` names one of TABLES (migration 0204, shared with the signed-in page cache: any
//   write to tasks, their units and years, or the unit tree, by any process, job or hand, announced at commit),
// - on every write request handled by this process, before and after it (the app's one write hook, to which
//   `mountPlanTaskPageCache` adds this cache), so a client that writes and then reads through the same process
//   never waits for the notification,
// - and whenever the channel stops or starts listening; while it is not listening nothing is kept.
// A read that raced a forget is answered but not kept (a generation count). Listening, the generation and the
// write hook are the shared primitive's (src/lib/notified-cache.server.ts).
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { HonoEnv } from '../../../http/env.ts';
import { PAGE_DATA_CHANNEL } from '../../../http/signed-in-page-cache.server.ts';
import {
  cachesForgottenOnWrite,
  createNotifiedCache,
  type NotifiedCache,
} from '../../../lib/notified-cache.server.ts';

/** The tables an answer is made of: a `page_data_changed` naming one of them forgets every answer. */
export const TABLES: ReadonlySet<string> = new Set([
  'plan_tasks',
  'plan_task_units',
  'plan_task_instances',
  'units',
]);
/** Entries per process; past it the cache starts over, so odd queries cannot grow memory. */
const MAX_ENTRIES = 2_000;

export interface JsonAnswer {
  /** The JSON text as UTF-8, encoded once: a kept answer is written as bytes (no per-request encoding). */
  body: Buffer;
  /** Weak validator of the body (a hash of the text), for If-None-Match. */
  etag: string;
}

type Deps = Pick<AppDeps, 'dbh' | 'config' | 'logger'>;

interface Entry {
  answer: JsonAnswer;
  expires: number;
}

// One cache per database handle (pages and API share this module: one copy per process).
const caches = new WeakMap<object, NotifiedCache<Entry>>();

function cacheOf(deps: Deps): NotifiedCache<Entry> {
  let cache = caches.get(deps.dbh);
  if (!cache) {
    cache = createNotifiedCache<Entry>({
      maxEntries: MAX_ENTRIES,
      overflow: 'all',
      notifications: {
        name: 'plan task answers cache',
        dbh: deps.dbh,
        logger: deps.logger,
        channels: {
          [PAGE_DATA_CHANNEL]: (table, answers) => {
            if (TABLES.has(table)) answers.forgetAll();
          },
        },
      },
    });
    caches.set(deps.dbh, cache);
  }
  return cache;
}

export function weakEtag(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

function answerOf(text: string): JsonAnswer {
  const body = Buffer.from(text, 'utf8');
  return { body, etag: weakEtag(body) };
}

/** The answer for `key` from this process's memory when it has a current one, else `read()` (and kept). */
export async function cachedJsonAnswer(
  deps: Deps,
  key: string,
  read: () => Promise<string>,
): Promise<JsonAnswer> {
  const ttl = deps.config.apiCacheTtlMs;
  if (ttl <= 0) return answerOf(await read());
  const cache = cacheOf(deps);
  const now = performance.now();
  if (cache.get(key)) {
    // Every notification committed before this request is handled first (ADR 0013): a write committed in any
    // process is seen by the very next request.
    await deps.dbh.caughtUp();
    const hit = cache.get(key);
    if (hit && hit.expires > now) return hit.answer;
  }
  const generation = cache.generation();
  const answer = answerOf(await read());
  cache.set(key, { answer, expires: now + ttl }, generation);
  return answer;
}

/**
 * Listens from the app's start (nothing is kept before), and has the app's one write hook forget this process's
 * answers on every write request, before and after it.
 */
export function mountPlanTaskPageCache(_app: Hono<HonoEnv>, deps: AppDeps): void {
  if (deps.config.apiCacheTtlMs <= 0) return;
  cachesForgottenOnWrite(deps).add(cacheOf(deps));
}
