// The catalogue's SearchIndex on PostgreSQL/PGlite. A large deployment can put OpenSearch behind the same
// interface. How one search runs (each step bounded, whatever the collection size):
//  1. the query is split into folded words (catalogue.text.ts); the stored tsvector holds vn_fold(text);
//  2. count + facets read at most COUNT_CAP+1 matching rows in one pass ("10.000+" beyond that), from the
//     narrow catalogue_search_docs table (facet columns + folded words without positions; ADR 0006);
//  3. zero hits → each word is corrected against the distinct-word dictionary (edit-distance-1 neighbours by
//     primary key, trigram neighbours for longer words) and the full-text index is asked again;
//  4. relevance ranks a bounded candidate set (CANDIDATES rows): diacritics-exact phrase > folded phrase >
//     exact words > ts_rank (title weighted) > corrected; newest/title sort over all matches by index.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf, textArray } from './catalogue.repository.ts';
import type { RecordType, SearchSort } from './catalogue.schemas.ts';
import { editDistance, editNeighbours, foldedWords, queryWords } from './catalogue.text.ts';

export const COUNT_CAP = 10_000;
export const CANDIDATES = 1_000;
export const MAX_PAGE = 50;

export interface SearchFilters {
  types?: readonly string[] | undefined;
  institutions?: readonly string[] | undefined;
  languages?: readonly string[] | undefined;
  decades?: readonly number[] | undefined;
  availability?: readonly string[] | undefined;
}

export interface SearchParams {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  type: RecordType;
  title: string;
  creators: string[];
  year: number | null;
  language: string | null;
  unitId: string;
  unitName: string;
  availability: string[];
}

export interface FacetCount {
  value: string;
  label?: string | undefined;
  count: number;
}
export type FacetName = 'type' | 'institution' | 'language' | 'decade' | 'availability';

export interface SearchResult {
  total: number;
  totalCapped: boolean;
  lastPage: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
  /** Set when the query had no hits as typed and corrected words found some. */
  correctedQuery: string | null;
}

export interface SearchIndex {
  search(db: Db, p: SearchParams): Promise<SearchResult>;
  /** Autocomplete: completes the last word of `q` from the dictionary, most frequent first. */
  suggest(db: Db, q: string, limit: number): Promise<string[]>;
  /** Adds the words of written records to the dictionary (folded word → number of records). */
  addWords(db: Db, counts: ReadonlyMap<string, number>): Promise<void>;
  /** Recounts the dictionary from the stored vectors (after bulk loads; periodic maintenance). */
  rebuildDictionary(db: Db): Promise<number>;
}

/** tsquery operand: folded words hold only letters and digits; quoting keeps each one a single lexeme. */
const lexeme = (w: string) => `'${w.replace(/'/g, "''")}'`;
const group = (alts: readonly string[]) =>
  alts.length === 1 ? lexeme(alts[0] as string) : `(${alts.map(lexeme).join(' | ')})`;

export function filterSql(f: SearchFilters): SQL {
  const parts: SQL[] = [sql`r.published`];
  if (f.types?.length) parts.push(sql`r.type = ANY(${textArray(f.types)}::text[])`);
  if (f.institutions?.length) parts.push(sql`r.unit_id = ANY(${textArray(f.institutions)}::text[])`);
  if (f.languages?.length) parts.push(sql`r.language = ANY(${textArray(f.languages)}::text[])`);
  if (f.decades?.length) parts.push(sql`r.decade = ANY(${sql.param(f.decades)}::int[])`);
  if (f.availability?.length) parts.push(sql`r.availability && ${textArray(f.availability)}::text[]`);
  return sql.join(parts, sql` AND `);
}

const HIT_COLUMNS = sql`r.id, r.type, r.title, r.creators, r.year, r.language, r.unit_id AS "unitId",
  u.name AS "unitName", r.availability`;

type FacetRow = {
  g: number;
  type: string | null;
  unit_id: string | null;
  unit_name: string | null;
  language: string | null;
  decade: number | null;
  n: number;
} & Record<`a_${number}`, number>;

const AVAILABILITY_VALUES = ['available', 'on_loan', 'reference_only', 'in_storage', 'on_display'] as const;

/** Full-text condition on the narrow search table (aliased `r` so filterSql applies to it too). */
const docsMatch = (tsq: string) => sql`r.lexemes @@ to_tsquery('simple', ${tsq})`;

/**
 * Total (capped) and every facet in ONE pass over at most COUNT_CAP+1 matching rows of the narrow search
 * table: grouping sets for the scalar facets, FILTER aggregates for availability (an array column).
 */
async function countAndFacets(
  db: Db,
  where: SQL,
): Promise<{ total: number; facets: Record<FacetName, FacetCount[]> }> {
  const availability = sql.join(
    AVAILABILITY_VALUES.map(
      (v, i) => sql`count(*) FILTER (WHERE ${v} = ANY(m.availability))::int AS ${sql.raw(`a_${i}`)}`,
    ),
    sql`, `,
  );
  const rows = await rowsOf<FacetRow>(
    db,
    sql`SELECT GROUPING(m.type, m.unit_id, m.language, m.decade)::int AS g, m.type, m.unit_id, max(u.name) AS unit_name,
        m.language, m.decade, count(*)::int AS n, ${availability}
      FROM (SELECT r.type, r.unit_id, r.language, r.decade, r.availability FROM catalogue_search_docs r
            WHERE ${where} LIMIT ${COUNT_CAP + 1}) m
      LEFT JOIN units u ON u.id = m.unit_id
      GROUP BY GROUPING SETS ((), (m.type), (m.unit_id), (m.language), (m.decade))`,
  );
  const facets: Record<FacetName, FacetCount[]> = {
    type: [],
    institution: [],
    language: [],
    decade: [],
    availability: [],
  };
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    // GROUPING() bits, left to right: type 8, unit 4, language 2, decade 1; a 0 bit is the grouped column.
    if (r.g === 15) {
      total = n;
      AVAILABILITY_VALUES.forEach((value, i) => {
        const count = Number(r[`a_${i}`] ?? 0);
        if (count > 0) facets.availability.push({ value, label: undefined, count });
      });
    } else if (r.g === 7 && r.type !== null) facets.type.push({ value: r.type, label: undefined, count: n });
    else if (r.g === 11 && r.unit_id !== null)
      facets.institution.push({ value: r.unit_id, label: r.unit_name ?? undefined, count: n });
    else if (r.g === 13 && r.language !== null)
      facets.language.push({ value: r.language, label: undefined, count: n });
    else if (r.g === 14 && r.decade !== null)
      facets.decade.push({ value: String(r.decade), label: undefined, count: n });
  }
  for (const k of Object.keys(facets) as FacetName[]) {
    facets[k].sort((a, b) => (k === 'decade' ? Number(b.value) - Number(a.value) : b.count - a.count));
    facets[k] = facets[k].slice(0, 30);
  }
  return { total, facets };
}

/** Dictionary words within one edit (any length) or trigram-similar (longer words) of each query word. */
async function corrections(db: Db, words: readonly string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const w of words) {
    const probes = w.length <= 12 ? [w, ...editNeighbours(w)] : [w];
    const found = new Map<string, number>();
    for (const r of await rowsOf<{ word: string; ndoc: number }>(
      db,
      sql`SELECT word, ndoc FROM catalogue_words WHERE word = ANY(${textArray(probes)}::text[])`,
    ))
      found.set(r.word, Number(r.ndoc));
    if (w.length >= 5) {
      for (const r of await rowsOf<{ word: string; ndoc: number }>(
        db,
        sql`SELECT word, ndoc FROM catalogue_words WHERE word OPERATOR(public.%) ${w}
          ORDER BY public.similarity(word, ${w}) DESC LIMIT 8`,
      ))
        found.set(r.word, Number(r.ndoc));
    }
    const maxDistance = w.length >= 7 ? 2 : 1;
    const ranked = [...found.entries()]
      .map(([word, ndoc]) => ({ word, ndoc, d: editDistance(w, word) }))
      .filter((c) => c.d <= maxDistance)
      .sort((a, b) => a.d - b.d || b.ndoc - a.ndoc)
      .slice(0, 4)
      .map((c) => c.word);
    out.push(ranked.length ? ranked : [w]);
  }
  return out;
}

export function createPostgresSearchIndex(): SearchIndex {
  return {
    async search(db, p) {
      const words = queryWords(p.q);
      const where = filterSql(p.filters);
      const offset = (Math.min(p.page, MAX_PAGE) - 1) * p.pageSize;
      if (words.folded.length === 0) {
        const counted = await countAndFacets(db, where);
        const order =
          p.sort === 'title' ? sql`r.title_sort COLLATE "C", r.seq` : sql`r.year DESC NULLS LAST, r.seq DESC`;
        const hits = await rowsOf<SearchHit>(
          db,
          sql`SELECT ${HIT_COLUMNS} FROM catalogue_records r JOIN units u ON u.id = r.unit_id
            WHERE ${where} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${offset}`,
        );
        return finish(counted, hits, null, p, COUNT_CAP);
      }

      let groups: string[][] = words.folded.map((w) => [w]);
      let tsq = groups.map(group).join(' & ');
      let counted = await countAndFacets(db, sql`${where} AND ${docsMatch(tsq)}`);
      let corrected = false;
      if (counted.total === 0) {
        const alt = await corrections(db, words.folded);
        const altTsq = alt.map(group).join(' & ');
        if (altTsq !== tsq) {
          const again = await countAndFacets(db, sql`${where} AND ${docsMatch(altTsq)}`);
          if (again.total > 0) {
            groups = alt;
            tsq = altTsq;
            counted = again;
            corrected = true;
          }
        }
      }
      if (counted.total === 0) return finish(counted, [], null, p, CANDIDATES);

      const match = sql`r.search_vector @@ to_tsquery('simple', ${tsq})`;
      let hits: SearchHit[];
      if (p.sort === 'relevance') {
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
        hits = await rowsOf<SearchHit>(
          db,
          sql`WITH d AS MATERIALIZED (
              SELECT r.seq FROM catalogue_search_docs r WHERE ${where} AND ${docsMatch(tsq)} LIMIT ${CANDIDATES}),
            c AS MATERIALIZED (
              SELECT r.id, r.seq, r.search_vector, r.search_exact FROM d JOIN catalogue_records r ON r.seq = d.seq),
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
      } else {
        const order =
          p.sort === 'title' ? sql`r.title_sort COLLATE "C", r.seq` : sql`r.year DESC NULLS LAST, r.seq DESC`;
        hits = await rowsOf<SearchHit>(
          db,
          sql`SELECT ${HIT_COLUMNS} FROM catalogue_records r JOIN units u ON u.id = r.unit_id
            WHERE ${where} AND ${match} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${offset}`,
        );
      }
      const correctedQuery = corrected ? correctedText(groups, hits[0]) : null;
      return finish(counted, hits, correctedQuery, p, p.sort === 'relevance' ? CANDIDATES : COUNT_CAP);
    },

    async suggest(db, q, limit) {
      const words = queryWords(q);
      const last = words.folded.at(-1);
      if (!last || last.length < 2) return [];
      const rows = await rowsOf<{ word: string }>(
        db,
        sql`SELECT word FROM catalogue_words WHERE word LIKE ${`${last.replace(/[\\%_]/g, '')}%`}
          ORDER BY ndoc DESC, word LIMIT ${limit}`,
      );
      const head = words.exact.slice(0, -1).join(' ');
      return rows.map((r) => (head ? `${head} ${r.word}` : r.word));
    },

    async addWords(db, counts) {
      if (counts.size === 0) return;
      // Sorted so concurrent imports lock dictionary rows in the same order (no deadlocks).
      const words = [...counts.keys()].sort();
      await db.execute(sql`INSERT INTO catalogue_words (word, ndoc)
        SELECT w, n FROM unnest(${textArray(words)}::text[], ${sql.param(words.map((w) => counts.get(w) ?? 1))}::int[]) AS x(w, n)
        ON CONFLICT (word) DO UPDATE SET ndoc = catalogue_words.ndoc + EXCLUDED.ndoc`);
    },

    async rebuildDictionary(db) {
      await db.execute(sql`DELETE FROM catalogue_words`);
      const rows = await rowsOf<{ n: number }>(
        db,
        sql`WITH ins AS (INSERT INTO catalogue_words (word, ndoc)
            SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM catalogue_records') WHERE length(word) <= 40
            RETURNING 1)
          SELECT count(*)::int AS n FROM ins`,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

/** "Did you mean": for each query word, the alternative the best hit actually contains. */
function correctedText(groups: readonly string[][], top: SearchHit | undefined): string {
  const present = new Set(top ? foldedWords([top.title, ...top.creators]) : []);
  return groups.map((alts) => alts.find((a) => present.has(a)) ?? alts[0] ?? '').join(' ');
}

function finish(
  counted: { total: number; facets: Record<FacetName, FacetCount[]> },
  hits: SearchHit[],
  correctedQuery: string | null,
  p: SearchParams,
  reachable: number,
): SearchResult {
  const capped = counted.total > COUNT_CAP;
  const total = Math.min(counted.total, COUNT_CAP);
  const lastPage = Math.max(1, Math.min(MAX_PAGE, Math.ceil(Math.min(total, reachable) / p.pageSize)));
  return { total, totalCapped: capped, lastPage, hits, facets: counted.facets, correctedQuery };
}
