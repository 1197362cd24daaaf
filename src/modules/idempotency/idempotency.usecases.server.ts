// One effect per creating request. `once` claims (scope, actor, key) in the same transaction as the write it
// guards: a crash leaves neither the key nor the row, a concurrent duplicate waits for the first and answers
// with its outcome, and a later resubmission of the same key gets the stored outcome instead of a duplicate.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import type { IdempotencyRepository } from './idempotency.repository.server.ts';

/** How long a key answers with its first outcome (the IETF draft suggests at least a day). */
export const KEY_LIFETIME_MS = 24 * 3_600_000;
/** Form tokens and API keys: printable, bounded (IETF draft: a random UUID or similar). */
export const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

export interface IdempotencyDeps {
  db: Db;
  now: () => Date;
  repos: { idempotency: IdempotencyRepository };
}

export interface OnceRequest {
  /** What is being created, e.g. the permission name `events.event.create`. */
  scope: string;
  /** The form token or Idempotency-Key; none means no protection (an old page, a client without keys). */
  key: string | null | undefined;
  /** When set, a reused key with a different request is refused (422) instead of replayed. */
  request?: unknown;
}

export interface OnceResult<T> {
  value: T;
  /** True when the key had already been used: `value` is the first outcome, nothing was written now. */
  replayed: boolean;
  /** The status stored with the first outcome (API replays answer with it). */
  status: number;
}

export const actorKey = (actor: Actor): string => (actor.kind === 'user' ? actor.userId : 'anonymous');

/** A stable digest of a request: key order does not matter. */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)) ?? '')
    .digest('hex');
}

export function badKey(): AppError {
  return new AppError('idempotency.bad_key', 400, 'error.idempotency.badKey');
}

/**
 * Runs `create` once per key. `create` gets the deps bound to the claiming transaction (its own
 * transactions become savepoints of it) and returns a JSON-serialisable outcome, e.g. the new id.
 */
export async function once<D extends IdempotencyDeps, T>(
  deps: D,
  actor: Actor,
  req: OnceRequest,
  create: (txDeps: D) => Promise<T>,
  status = 201,
): Promise<OnceResult<T>> {
  if (req.key == null || req.key === '') return { value: await create(deps), replayed: false, status };
  if (!KEY_PATTERN.test(req.key)) throw badKey();
  const claim = {
    scope: req.scope,
    actor: actorKey(actor),
    key: req.key,
    requestHash: req.request === undefined ? null : requestHash(req.request),
  };
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const repo = deps.repos.idempotency;
    if (await repo.claim(tx, claim, now, new Date(now.getTime() - KEY_LIFETIME_MS))) {
      const value = await create({ ...deps, db: tx });
      await repo.complete(tx, claim, status, value);
      return { value, replayed: false, status };
    }
    const first = await repo.outcome(tx, claim);
    if (claim.requestHash !== null && first?.requestHash !== claim.requestHash)
      throw new AppError('idempotency.key_reused', 422, 'error.idempotency.keyReused');
    return { value: first?.response as T, replayed: true, status: first?.status ?? status };
  });
}

/**
 * For the few creating use cases that cannot run inside the claiming transaction (they write through
 * better-auth or send mail, which the embedded database cannot interleave with an open transaction): the
 * entity's own unique rule stops the duplicate, and the key remembers the first outcome afterwards, so a
 * resubmission — or the loser of a double click, once the winner has finished — gets that outcome.
 */
export async function onceAfter<D extends IdempotencyDeps, T>(
  deps: D,
  actor: Actor,
  req: OnceRequest,
  create: () => Promise<T>,
): Promise<OnceResult<T>> {
  if (req.key == null || req.key === '') return { value: await create(), replayed: false, status: 201 };
  if (!KEY_PATTERN.test(req.key)) throw badKey();
  const claim = { scope: req.scope, actor: actorKey(actor), key: req.key, requestHash: null };
  const repo = deps.repos.idempotency;
  const stored = async () => {
    const first = await repo.outcome(deps.db, claim);
    return first && first.status !== null
      ? { value: first.response as T, replayed: true, status: first.status }
      : null;
  };
  const before = await stored();
  if (before) return before;
  let value: T;
  try {
    value = await create();
  } catch (e) {
    // The other submission of a double click may be finishing: give it a moment to leave its outcome.
    for (let i = 0; i < 20; i++) {
      const first = await stored();
      if (first) return first;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw e;
  }
  await deps.db.transaction(async (tx) => {
    const now = deps.now();
    if (await repo.claim(tx, claim, now, new Date(now.getTime() - KEY_LIFETIME_MS)))
      await repo.complete(tx, claim, 201, value);
  });
  return { value, replayed: false, status: 201 };
}
