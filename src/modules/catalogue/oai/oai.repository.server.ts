// SQL of the OAI-PMH provider and the sitemap: the item list kept by triggers (migration 0014), paged by the
// records' immutable insertion order `seq`.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows } from '../../../db/sql.server.ts';

export interface OaiItem {
  recordId: string;
  seq: number;
  unitCode: string;
  type: string;
  datestamp: Date;
  deleted: boolean;
}

export type OaiSetFilter =
  | { kind: 'all' }
  | { kind: 'unit'; code: string }
  | { kind: 'type'; type: string }
  | { kind: 'none' };

export interface OaiFilter {
  set: OaiSetFilter;
  from: Date | null;
  untilBefore: Date | null;
}

function whereOf(f: OaiFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.set.kind === 'unit') parts.push(sql`u.code = ${f.set.code}`);
  if (f.set.kind === 'type') parts.push(sql`i.type = ${f.set.type}`);
  if (f.set.kind === 'none') parts.push(sql`false`);
  if (f.from) parts.push(sql`i.datestamp >= ${f.from.toISOString()}::timestamptz`);
  if (f.untilBefore) parts.push(sql`i.datestamp < ${f.untilBefore.toISOString()}::timestamptz`);
  return sql.join(parts, sql` AND `);
}

type ItemRow = Omit<OaiItem, 'datestamp' | 'seq'> & { datestamp: string | Date; seq: string | number };
const toItem = (r: ItemRow): OaiItem => ({ ...r, seq: Number(r.seq), datestamp: new Date(r.datestamp) });

const ITEM = sql`SELECT i.record_id AS "recordId", i.seq, u.code AS "unitCode", i.type, i.datestamp, i.deleted
  FROM catalogue_oai_items i JOIN unit_directory u ON u.id = i.unit_id`;

export function createCatalogueOaiRepository() {
  return {
    async listItems(db: Db, f: OaiFilter, afterSeq: number, limit: number): Promise<OaiItem[]> {
      const rows = await queryRows<ItemRow>(
        db,
        sql`${ITEM} WHERE ${whereOf(f)} AND i.seq > ${afterSeq} ORDER BY i.seq LIMIT ${limit}`,
      );
      return rows.map(toItem);
    },

    async countItems(db: Db, f: OaiFilter): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM catalogue_oai_items i JOIN unit_directory u ON u.id = i.unit_id WHERE ${whereOf(f)}`,
      );
      return Number(rows[0]?.n ?? 0);
    },

    async getItem(db: Db, recordId: string): Promise<OaiItem | undefined> {
      const rows = await queryRows<ItemRow>(db, sql`${ITEM} WHERE i.record_id = ${recordId}`);
      return rows[0] ? toItem(rows[0]) : undefined;
    },

    async earliestDatestamp(db: Db): Promise<Date | null> {
      const rows = await queryRows<{ d: string | null }>(
        db,
        sql`SELECT min(datestamp) AS d FROM catalogue_oai_items`,
      );
      return rows[0]?.d ? new Date(rows[0].d) : null;
    },

    async units(db: Db): Promise<Array<{ id: string; code: string; name: string }>> {
      return queryRows(db, sql`SELECT id, code, name FROM unit_directory ORDER BY code`);
    },

    /** Published records for the sitemap, by insertion order: `size` from `offset`. */
    async sitemapPage(
      db: Db,
      offset: number,
      size: number,
    ): Promise<Array<{ recordId: string; datestamp: Date }>> {
      const rows = await queryRows<{ recordId: string; datestamp: string | Date }>(
        db,
        sql`SELECT record_id AS "recordId", datestamp FROM catalogue_oai_items WHERE NOT deleted
          ORDER BY seq LIMIT ${size} OFFSET ${offset}`,
      );
      return rows.map((r) => ({ recordId: r.recordId, datestamp: new Date(r.datestamp) }));
    },

    async countPublished(db: Db): Promise<{ count: number; latest: Date | null }> {
      const rows = await queryRows<{ n: number; d: string | null }>(
        db,
        sql`SELECT count(*)::int AS n, max(datestamp) AS d FROM catalogue_oai_items WHERE NOT deleted`,
      );
      return { count: Number(rows[0]?.n ?? 0), latest: rows[0]?.d ? new Date(rows[0].d) : null };
    },
  };
}
export type CatalogueOaiRepository = ReturnType<typeof createCatalogueOaiRepository>;
