// SQL for idempotency keys: one row per (scope, actor, key), claimed in the transaction of the write it guards.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export interface IdempotencyClaim {
  scope: string;
  actor: string;
  key: string;
  /** Null when any body may replay the first outcome (page forms); else a digest of the request. */
  requestHash: string | null;
}

export interface StoredOutcome {
  requestHash: string | null;
  status: number | null;
  response: unknown;
}

export function createIdempotencyRepository() {
  return {
    /**
     * Claims the key; true when this transaction owns it. A concurrent claim of the same key waits on the
     * unique index until the first transaction ends (then sees its outcome), and a key older than
     * `expiredBefore` is taken over as if new.
     */
    async claim(tx: Db, c: IdempotencyClaim, now: Date, expiredBefore: Date): Promise<boolean> {
      const rows = await queryRows<{ key: string }>(
        tx,
        sql`INSERT INTO idempotency_keys (scope, actor, key, request_hash, created_at)
            VALUES (${c.scope}, ${c.actor}, ${c.key}, ${c.requestHash}, ${now})
            ON CONFLICT (scope, actor, key) DO UPDATE
              SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                  status = NULL, response = NULL
              WHERE idempotency_keys.created_at < ${expiredBefore}
            RETURNING key`,
      );
      return rows.length > 0;
    },

    async outcome(tx: Db, c: IdempotencyClaim): Promise<StoredOutcome | null> {
      const rows = await queryRows<StoredOutcome>(
        tx,
        sql`SELECT request_hash AS "requestHash", status, response FROM idempotency_keys
            WHERE scope = ${c.scope} AND actor = ${c.actor} AND key = ${c.key}`,
      );
      return rows[0] ?? null;
    },

    async complete(tx: Db, c: IdempotencyClaim, status: number, response: unknown): Promise<void> {
      await tx.execute(
        sql`UPDATE idempotency_keys SET status = ${status}, response = ${JSON.stringify(response ?? null)}::jsonb
            WHERE scope = ${c.scope} AND actor = ${c.actor} AND key = ${c.key}`,
      );
    },

    /** Deletes keys older than `before`; returns how many. */
    async prune(db: Db, before: Date): Promise<number> {
      const rows = await queryRows<{ key: string }>(
        db,
        sql`DELETE FROM idempotency_keys WHERE created_at < ${before} RETURNING key`,
      );
      return rows.length;
    },
  };
}
export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
