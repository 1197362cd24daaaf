// Published learning paths in the catalogue's OAI-PMH provider (src/app/module.ts `oaiSources`): the item list
// kept by the trigger of migration 0140 (tombstones included), paged by its immutable `seq`, and each path's
// Dublin Core. Only this module reads its tables.
import { type SQL, sql } from 'drizzle-orm';
import type { OaiDublinCore, OaiSource, OaiSourceFilter, OaiSourceItem } from '../../app/module.ts';
import { queryRows, sqlList, toDate } from '../../db/sql.server.ts';

type ItemRow = { id: string; seq: string | number; unitId: string; datestamp: unknown; deleted: boolean };
const toItem = (r: ItemRow): OaiSourceItem => ({
  id: r.id,
  seq: Number(r.seq),
  unitId: r.unitId,
  datestamp: toDate(r.datestamp) ?? new Date(0),
  deleted: r.deleted,
});

const ITEM = sql`SELECT path_id AS id, seq, unit_id AS "unitId", datestamp, deleted FROM learning_oai_items`;

function whereOf(f: OaiSourceFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.unitId !== null) parts.push(sql`unit_id = ${f.unitId}`);
  if (f.from) parts.push(sql`datestamp >= ${f.from.toISOString()}::timestamptz`);
  if (f.untilBefore) parts.push(sql`datestamp < ${f.untilBefore.toISOString()}::timestamptz`);
  return sql.join(parts, sql` AND `);
}

const PATH_ID = /^lpath_[a-z2-9]{16}$/;

export const learningOaiSource: OaiSource = {
  type: 'learning_path',
  setName: 'Lộ trình học tập / Learning paths',
  owns: (id) => PATH_ID.test(id),

  async count(deps, f) {
    const [r] = await queryRows<{ n: number }>(
      deps.db,
      sql`SELECT count(*)::int AS n FROM learning_oai_items WHERE ${whereOf(f)}`,
    );
    return Number(r?.n ?? 0);
  },

  async list(deps, f, afterSeq, limit) {
    const rows = await queryRows<ItemRow>(
      deps.db,
      sql`${ITEM} WHERE ${whereOf(f)} AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`,
    );
    return rows.map(toItem);
  },

  async get(deps, id) {
    const rows = await queryRows<ItemRow>(deps.db, sql`${ITEM} WHERE path_id = ${id}`);
    return rows[0] ? toItem(rows[0]) : undefined;
  },

  async earliestDatestamp(deps) {
    const [r] = await queryRows<{ d: unknown }>(
      deps.db,
      sql`SELECT min(datestamp) AS d FROM learning_oai_items`,
    );
    return toDate(r?.d);
  },

  async dublinCore(deps, ids) {
    const out = new Map<string, OaiDublinCore>();
    if (ids.length === 0) return out;
    const rows = await queryRows<{
      id: string;
      title: string;
      summary: string;
      publishedAt: unknown;
      records: string[] | null;
    }>(
      deps.db,
      sql`SELECT p.id, p.title, p.summary, p.published_at AS "publishedAt",
          (SELECT array_agg(s.ref_id ORDER BY s.position) FROM learning_path_steps s
            WHERE s.path_id = p.id AND s.kind = 'record' AND s.ref_id IS NOT NULL) AS records
        FROM learning_paths p WHERE p.status = 'published' AND p.id IN (${sqlList(ids)})`,
    );
    const base = deps.config.publicUrl;
    for (const r of rows) {
      out.set(r.id, {
        title: r.title,
        description: r.summary || null,
        subjects: [],
        date: toDate(r.publishedAt)?.toISOString().slice(0, 10) ?? null,
        types: ['InteractiveResource', 'learning_path'],
        identifiers: [`${base}/learn/paths/${r.id}`],
        relations: (r.records ?? []).map((id) => `${base}/records/${id}`),
        language: null,
      });
    }
    return out;
  },
};
