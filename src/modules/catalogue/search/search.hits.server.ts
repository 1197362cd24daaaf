// The hits of a search: relevance ranking of a bounded candidate set (ADR 0006/0007), or a page of a sorted
// list (newest, title) over all matches by index.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import type { queryWords } from '../catalogue.text.ts';
import type { Counted } from './search.facets.server.ts';
import { STRATA } from './search.sample.server.ts';
import type { SearchFilters, SearchHit, SearchParams } from './search.types.ts';

/** A large (estimated) result set is ranked on this many sampled matches, spread over the strata; a small
 * (exact) one is ranked whole. */
export const RANK_CAP = 200;

/** tsquery operand: folded words hold only letters and digits; quoting keeps each one a single lexeme. */
const lexeme = (w: string) => `'${w.replace(/'/g, "''")}'`;
/** One query word as a tsquery operand: the word, or its alternatives OR-ed (typo corrections). */
export const group = (alts: readonly string[]) =>
  alts.length === 1 ? lexeme(alts[0] as string) : `(${alts.map(lexeme).join(' | ')})`;

/** Filters on catalogue_records (alias `r`): sorted lists and exports. Decades also bound `year` (index). */
export function filterSql(f: SearchFilters): SQL {
  const parts: SQL[] = [sql`r.published`];
  if (f.types?.length) parts.push(sql`r.type = ANY(${textArray(f.types)}::text[])`);
  if (f.institutions?.length) parts.push(sql`r.unit_id = ANY(${textArray(f.institutions)}::text[])`);
  if (f.languages?.length) parts.push(sql`r.language = ANY(${textArray(f.languages)}::text[])`);
  if (f.decades?.length) {
    parts.push(sql`r.decade = ANY(${sql.param(f.decades)}::int[])`);
    parts.push(
      sql`(${sql.join(
        f.decades.map((d) => sql`(r.year >= ${d} AND r.year <= ${d + 9})`),
        sql` OR `,
      )})`,
    );
  }
  if (f.availability?.length) parts.push(sql`r.availability && ${textArray(f.availability)}::text[]`);
  return sql.join(parts, sql` AND `);
}

const HIT_COLUMNS = sql`r.id, r.type, r.title, r.creators, r.year, r.language, r.unit_id AS "unitId",
  u.name AS "unitName", r.availability`;

/** Candidates to rank: every match of an exact (small) result, else the first matches of every stratum. */
export function candidates(counted: Counted): number[] {
  const sample = counted.sample;
  if (counted.exact || sample.length <= RANK_CAP) return sample.map((r) => r.seq);
  const perStratum = Math.ceil(RANK_CAP / STRATA);
  const taken = new Map<number, number>();
  const out: number[] = [];
  for (const r of sample) {
    const n = taken.get(r.k) ?? 0;
    if (n < perStratum) out.push(r.seq);
    taken.set(r.k, n + 1);
  }
  return out;
}

/** A page of records matching `where`, newest first or by title. */
export async function sortedHits(db: Db, where: SQL, p: SearchParams, offset: number): Promise<SearchHit[]> {
  const order =
    p.sort === 'title' ? sql`r.title_sort COLLATE "C", r.seq` : sql`r.year DESC NULLS LAST, r.seq DESC`;
  return queryRows<SearchHit>(
    db,
    sql`SELECT ${HIT_COLUMNS} FROM catalogue_records r JOIN units u ON u.id = r.unit_id
      WHERE ${where} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${offset}`,
  );
}

/**
 * A page of the candidates by relevance: diacritics-exact phrase > folded phrase > exact words > the words as
 * typed (when corrected) > ts_rank (title weighted).
 */
export async function relevanceHits(
  db: Db,
  words: ReturnType<typeof queryWords>,
  groups: readonly (readonly string[])[],
  corrected: boolean,
  seqs: readonly number[],
  p: SearchParams,
  offset: number,
): Promise<SearchHit[]> {
  const tsq = groups.map(group).join(' & ');
  const phrase = groups.length > 1 ? groups.map(group).join(' <-> ') : null;
  const exactPhrase = ` ${words.exact.join(' ')} `;
  const exactWords = sql.join(
    words.exact.map((w) => sql`(strpos(c.search_exact, ${` ${w} `}) > 0)::int`),
    sql` + `,
  );
  const originals = corrected
    ? sql.join(
        words.folded.map((w) => sql`(c.search_vector @@ to_tsquery('simple', ${lexeme(w)}))::int`),
        sql` + `,
      )
    : sql.raw(String(words.folded.length));
  return queryRows<SearchHit>(
    db,
    sql`WITH c AS MATERIALIZED (
        SELECT r.id, r.seq, r.search_vector, r.search_exact FROM catalogue_records r
        WHERE r.seq = ANY(${sql.param(seqs)}::bigint[])),
      s AS (
        SELECT c.id, c.seq,
          (CASE WHEN strpos(c.search_exact, ${exactPhrase}) > 0 THEN 8 ELSE 0 END)
          + ${phrase ? sql`(CASE WHEN c.search_vector @@ to_tsquery('simple', ${phrase}) THEN 4 ELSE 0 END)` : sql`4`}
          + 2.0 * (${exactWords}) / ${sql.raw(String(words.exact.length))}
          + 2.0 * (${originals}) / ${sql.raw(String(words.folded.length))}
          + ts_rank(c.search_vector, to_tsquery('simple', ${tsq})) AS score
        FROM c ORDER BY score DESC, c.seq LIMIT ${p.pageSize} OFFSET ${offset})
      SELECT ${HIT_COLUMNS} FROM s JOIN catalogue_records r ON r.id = s.id JOIN units u ON u.id = r.unit_id
      ORDER BY s.score DESC, s.seq`,
  );
}
