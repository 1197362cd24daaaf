// SQL of the feeds' own tables (private feed tokens) and the units the feeds and the commemorative-day coverage
// name (through the units module's published `unit_directory` view). What the feeds read of events — published
// sessions with their unit and place, per-day counts, coverage — is the events module's read port
// (`eventFeedsPort`, src/modules/events/index.server.ts); community-calendar writes live in
// community.repository.server.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export type { FeedFilter, FeedSession } from '../events/index.server.ts';

export function createFeedsRepository() {
  return {
    async unitByIdOrCode(db: Db, key: string): Promise<{ id: string; code: string; name: string } | null> {
      const rows = await queryRows<{ id: string; code: string; name: string }>(
        db,
        sql`SELECT id, code, name FROM unit_directory WHERE id = ${key} OR code = ${key} LIMIT 1`,
      );
      return rows[0] ?? null;
    },

    // Private feed tokens ------------------------------------------------------------------------------

    async setFeedToken(db: Db, userId: string, tokenHash: string): Promise<void> {
      await db.execute(
        sql`INSERT INTO calendar_feed_tokens (user_id, token_hash) VALUES (${userId}, ${tokenHash})
            ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now(),
              last_used_at = NULL`,
      );
    },

    async revokeFeedToken(db: Db, userId: string): Promise<boolean> {
      const rows = await queryRows<{ user_id: string }>(
        db,
        sql`DELETE FROM calendar_feed_tokens WHERE user_id = ${userId} RETURNING user_id`,
      );
      return rows.length > 0;
    },

    async feedToken(db: Db, userId: string): Promise<{ createdAt: Date; lastUsedAt: Date | null } | null> {
      const rows = await queryRows<{ createdAt: string; lastUsedAt: string | null }>(
        db,
        sql`SELECT created_at AS "createdAt", last_used_at AS "lastUsedAt"
            FROM calendar_feed_tokens WHERE user_id = ${userId}`,
      );
      const r = rows[0];
      return r
        ? { createdAt: new Date(r.createdAt), lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt) : null }
        : null;
    },

    /** The user owning a token; also notes the use (at most once a minute, to keep reads cheap). */
    async userByFeedToken(db: Db, tokenHash: string): Promise<string | null> {
      const rows = await queryRows<{ userId: string }>(
        db,
        sql`UPDATE calendar_feed_tokens SET last_used_at = now()
            WHERE token_hash = ${tokenHash}
              AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            RETURNING user_id AS "userId"`,
      );
      if (rows[0]) return rows[0].userId;
      const found = await queryRows<{ userId: string }>(
        db,
        sql`SELECT user_id AS "userId" FROM calendar_feed_tokens WHERE token_hash = ${tokenHash}`,
      );
      return found[0]?.userId ?? null;
    },

    // Commemorative-day coverage ------------------------------------------------------------------------

    /** Units expected to hold events: open institutions and local service units (not Department offices). */
    async eventHoldingUnits(
      db: Db,
      today: string,
    ): Promise<Array<{ id: string; code: string; name: string }>> {
      return queryRows(
        db,
        sql`SELECT id, code, name FROM unit_directory
            WHERE kind NOT IN ('department', 'leadership', 'office', 'district_people_committee',
                               'commune_people_committee')
              AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to > ${today}::date)
            ORDER BY name`,
      );
    },
  };
}
export type FeedsRepository = ReturnType<typeof createFeedsRepository>;
