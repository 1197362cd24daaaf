// SQL of the outbound-fetch allow-list: the hosts the server may fetch from (through safeFetch,
// src/lib/safe-fetch.server.ts), one table for every purpose (0155): OAI-PMH harvest sources and partner
// calendars each read and edit their own entries.
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

export function createOutboundRepository() {
  return {
    async hosts(db: Db, purpose: OutboundPurpose): Promise<AllowedHostRow[]> {
      const rows = await queryRows<AllowedHostRow>(
        db,
        sql`SELECT pattern, note, created_at AS "createdAt" FROM outbound_allowed_hosts
            WHERE purpose = ${purpose} ORDER BY pattern`,
      );
      return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
    },

    async add(db: Db, purpose: OutboundPurpose, pattern: string, note: string | null, by: string | null) {
      // A calendar entry always has a note ('' when none was given), as its list always had.
      const rows = await queryRows<{ pattern: string }>(
        db,
        sql`INSERT INTO outbound_allowed_hosts (purpose, pattern, note, created_by)
            VALUES (${purpose}, ${pattern}, ${purpose === 'calendar' ? (note ?? '') : note}, ${by})
            ON CONFLICT (purpose, pattern) DO NOTHING RETURNING pattern`,
      );
      return rows.length > 0;
    },

    async remove(db: Db, purpose: OutboundPurpose, pattern: string): Promise<boolean> {
      const rows = await queryRows<{ pattern: string }>(
        db,
        sql`DELETE FROM outbound_allowed_hosts WHERE purpose = ${purpose} AND pattern = ${pattern}
            RETURNING pattern`,
      );
      return rows.length > 0;
    },
  };
}
export type OutboundRepository = ReturnType<typeof createOutboundRepository>;
