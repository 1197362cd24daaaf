// Answers of GET /api/v1/plan/tasks kept per process (issue 17; ADR 0013, "plan task API"): the JSON text
// PostgreSQL built, with its weak ETag, by (caller's read scope, filters, page, page size, Vietnam's day), for
// at most `config.apiCacheTtlMs` (2 s in production, 0 = off). Authorisation runs on every request before the
// lookup; only the data is shared, and only between callers with the same scope. Everything is forgotten
// - when `page_data_changed` names one of TABLES (migration 0204, shared with the signed-in page cache: any
//   write to tasks, their units and years, or the unit tree, by any process, job or hand, announced at commit),
// - on every write request handled by this process, before and after it (`mountPlanTaskPageCache`), so a
//   client that writes and then reads through the same process never waits for the notification,
// - and whenever the channel stops or starts listening; while it is not listening nothing is kept.
// A read that raced a forget is answered but not kept (a generation count).
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { HonoEnv } from '../../../http/env.ts';

import { PAGE_DATA_CHANNEL } from '../../../http/signed-in-page-cache.server.ts';

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

interface AnswerCache {
  listening: boolean;
  generation: number;
  entries: Map<string, { answer: JsonAnswer; expires: number }>;
}

const caches = new WeakMap<object, AnswerCache>();

function forget(cache: AnswerCache): void {
  cache.generation++;
  cache.entries.clear();
}

function cacheOf(deps: Deps): AnswerCache {
  let cache = caches.get(deps.dbh);
  if (cache) return cache;
  const created: AnswerCache = { listening: false, generation: 0, entries: new Map() };
  cache = created;
  caches.set(deps.dbh, created);
  deps.dbh
    .listen(PAGE_DATA_CHANNEL, {
      onMessage: (table) => {
        if (TABLES.has(table)) forget(created);
      },
      onState(on) {
        forget(created);
        created.listening = on;
      },
    })
    .catch((e: Error) => deps.logger.warn({ err: e }, 'plan task answers not cached: cannot LISTEN'));
  return created;
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
  const hit = cache.entries.get(key);
  if (hit && hit.expires > now) return hit.answer;
  const generation = cache.generation;
  const answer = answerOf(await read());
  if (cache.listening && generation === cache.generation) {
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.clear();
    cache.entries.set(key, { answer, expires: now + ttl });
  }
  return answer;
}

/** Forgets this process's answers on every write request (before and after it), as the session cache does. */
export function mountPlanTaskPageCache(app: Hono<HonoEnv>, deps: AppDeps): void {
  if (deps.config.apiCacheTtlMs <= 0) return;
  app.use('*', async (c, next) => {
    const m = c.req.method;
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return next();
    const before = caches.get(deps.dbh);
    if (before) forget(before);
    try {
      await next();
    } finally {
      const after = caches.get(deps.dbh);
      if (after) forget(after);
    }
  });
}
