// `Idempotency-Key` on every creating POST of /api/v1 (IETF draft-ietf-httpapi-idempotency-key-header): the key
// is claimed in one transaction with the route's own writes, so a retry after a timeout or a concurrent
// duplicate gets the first answer (status and body) instead of a second entity; the same key with a different
// request answers 422. Routes see that transaction through `deps.db` (withRequestTransaction), so no route
// needs to know about keys.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app/deps.types.ts';
import type { Db } from '../db/client.server.ts';
import { badKey, KEY_PATTERN, once } from '../modules/idempotency/idempotency.usecases.server.ts';
import type { HonoEnv } from './env.ts';

const requestTransaction = new AsyncLocalStorage<Db>();

/** The deps routes are registered with: `db` is the request's transaction while a keyed request runs. */
export function withRequestTransaction(deps: AppDeps): AppDeps {
  return new Proxy(deps, {
    get(target, prop, receiver) {
      if (prop === 'db') return requestTransaction.getStore() ?? target.db;
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * Creating POSTs that keep their own rule: event registrations carry an idempotency key in the body, and
 * an invitation is unique by e-mail; both also send mail outside the database transaction (which the
 * embedded database cannot interleave with an open one).
 */
const OWN_RULE = [/^\/api\/v1\/events\/[^/]+\/registrations$/, /^\/api\/v1\/access\/users$/];

/** The header is a Structured Field string (`"…"`); a bare token is accepted too. */
export function parseIdempotencyKey(raw: string): string {
  const value = raw.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY_PATTERN.test(value)) throw badKey();
  return value;
}

class Unsuccessful extends Error {}

interface StoredAnswer {
  status: number;
  body: unknown;
  location: string | null;
}

export function idempotencyKeys(deps: AppDeps): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const header = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || header === undefined || OWN_RULE.some((r) => r.test(c.req.path))) {
      return next();
    }
    const key = parseIdempotencyKey(header);
    const body = await c.req.text();
    let answer: StoredAnswer;
    let replayed: boolean;
    try {
      ({ value: answer, replayed } = await once(
        deps,
        c.get('actor'),
        { scope: `api POST ${c.req.path}`, key, request: { path: c.req.path, body } },
        async (txDeps) => {
          await requestTransaction.run(txDeps.db, next);
          // Errors are not stored: the transaction is rolled back and the same key may be retried.
          if (c.res.status >= 300) throw new Unsuccessful();
          const text = await c.res.clone().text();
          return {
            status: c.res.status,
            body: text === '' ? null : (JSON.parse(text) as unknown),
            location: c.res.headers.get('location'),
          };
        },
      ));
    } catch (e) {
      if (e instanceof Unsuccessful) return;
      throw e;
    }
    if (!replayed) return;
    c.res = undefined;
    c.res = Response.json(answer.body, {
      status: answer.status,
      headers: answer.location ? { location: answer.location } : {},
    });
    c.header('idempotent-replayed', 'true');
  };
}
