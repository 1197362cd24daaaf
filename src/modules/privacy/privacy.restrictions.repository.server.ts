// SQL for processing restrictions and objections in force (migration 0131).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';
import { newId } from './privacy.ids.server.ts';

export interface Restriction {
  id: string;
  requestId: string;
  kind: 'restriction' | 'objection';
  userId: string | null;
  contactHashes: string[];
  startedAt: Date;
  liftedAt: Date | null;
}

const COLS = sql`id, request_id AS "requestId", kind, user_id AS "userId", contact_hashes AS "contactHashes",
  started_at AS "startedAt", lifted_at AS "liftedAt"`;
const row = (r: Restriction): Restriction => ({
  ...r,
  startedAt: toDate(r.startedAt)!,
  liftedAt: toDate(r.liftedAt),
});

export function createRestrictionsRepository() {
  return {
    async start(
      db: Db,
      v: Pick<Restriction, 'requestId' | 'kind' | 'userId' | 'contactHashes' | 'startedAt'>,
    ): Promise<string> {
      const id = newId('rst');
      await db.execute(sql`INSERT INTO privacy_restrictions (id, request_id, kind, user_id, contact_hashes, started_at)
        VALUES (${id}, ${v.requestId}, ${v.kind}, ${v.userId}, ${sql.param(v.contactHashes)}::text[], ${v.startedAt})
        ON CONFLICT (request_id) DO NOTHING`);
      return id;
    },
    async lift(db: Db, id: string, at: Date, by: string | null): Promise<Restriction | null> {
      const rows = await queryRows<Restriction>(
        db,
        sql`UPDATE privacy_restrictions SET lifted_at = ${at}, lifted_by = ${by}
            WHERE id = ${id} AND lifted_at IS NULL RETURNING ${COLS}`,
      );
      return rows[0] ? row(rows[0]) : null;
    },
    async active(db: Db): Promise<Restriction[]> {
      const rows = await queryRows<Restriction>(
        db,
        sql`SELECT ${COLS} FROM privacy_restrictions WHERE lifted_at IS NULL ORDER BY started_at`,
      );
      return rows.map(row);
    },
    /** Of these account ids and contact hashes, the ones under a restriction or objection in force. */
    async matching(
      db: Db,
      userIds: readonly string[],
      hashes: readonly string[],
    ): Promise<{ userIds: string[]; hashes: string[] }> {
      if (!userIds.length && !hashes.length) return { userIds: [], hashes: [] };
      const rows = await queryRows<{ userId: string | null; contactHashes: string[] }>(
        db,
        sql`SELECT user_id AS "userId", contact_hashes AS "contactHashes" FROM privacy_restrictions
            WHERE lifted_at IS NULL AND (user_id = ANY(${sql.param([...userIds])}::text[])
              OR contact_hashes && ${sql.param([...hashes])}::text[])`,
      );
      const wanted = new Set(hashes);
      return {
        userIds: rows.flatMap((r) => (r.userId && userIds.includes(r.userId) ? [r.userId] : [])),
        hashes: rows.flatMap((r) => r.contactHashes.filter((h) => wanted.has(h))),
      };
    },
  };
}
