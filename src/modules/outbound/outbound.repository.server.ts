// SQL of the outbound-fetch allow-lists: the hosts the server may fetch from (through safeFetch,
// src/lib/safe-fetch.server.ts). Two lists today, one per purpose, in the tables their features created:
// OAI-PMH harvest sources (`catalogue_fetch_allowlist`) and partner calendars (`calendar_allowed_hosts`).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

/** What a list allows fetching for. */
export type OutboundPurpose = 'harvest' | 'calendar';

export interface AllowedHostRow {
  pattern: string;
  note: string | null;
  createdAt: Date;
}

const TABLE = {
  harvest: { name: sql.raw('catalogue_fetch_allowlist'), by: sql.raw('created_by') },
  calendar: { name: sql.raw('calendar_allowed_hosts'), by: sql.raw('added_by') },
} as const;

export function createOutboundRepository() {
  return {
    async hosts(db: Db, purpose: OutboundPurpose): Promise<AllowedHostRow[]> {
      const rows = await queryRows<AllowedHostRow>(
        db,
        sql`SELECT pattern, note, created_at AS "createdAt" FROM ${TABLE[purpose].name} ORDER BY pattern`,
      );
      return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
    },

    async add(db: Db, purpose: OutboundPurpose, pattern: string, note: string | null, by: string | null) {
      const t = TABLE[purpose];
      const rows = await queryRows<{ pattern: string }>(
        db,
        sql`INSERT INTO ${t.name} (pattern, note, ${t.by}) VALUES (${pattern}, ${purpose === 'calendar' ? (note ?? '') : note}, ${by})
            ON CONFLICT (pattern) DO NOTHING RETURNING pattern`,
      );
      return rows.length > 0;
    },

    async remove(db: Db, purpose: OutboundPurpose, pattern: string): Promise<boolean> {
      const rows = await queryRows<{ pattern: string }>(
        db,
        sql`DELETE FROM ${TABLE[purpose].name} WHERE pattern = ${pattern} RETURNING pattern`,
      );
      return rows.length > 0;
    },
  };
}
export type OutboundRepository = ReturnType<typeof createOutboundRepository>;
