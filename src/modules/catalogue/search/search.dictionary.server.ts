// The search dictionary's upkeep and autocomplete (catalogue_words: folded word → number of records).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import { queryWords } from '../catalogue.text.ts';

/** Completes the last word of `q` from the dictionary, most frequent first. */
export async function suggestWords(db: Db, q: string, limit: number): Promise<string[]> {
  const words = queryWords(q);
  const last = words.folded.at(-1);
  if (!last || last.length < 2) return [];
  const rows = await queryRows<{ word: string }>(
    db,
    sql`SELECT word FROM catalogue_words WHERE word LIKE ${`${last.replace(/[\\%_]/g, '')}%`}
      ORDER BY ndoc DESC, word LIMIT ${limit}`,
  );
  const head = words.exact.slice(0, -1).join(' ');
  return rows.map((r) => (head ? `${head} ${r.word}` : r.word));
}

/** Adds the words of written records to the dictionary. */
export async function addWords(db: Db, counts: ReadonlyMap<string, number>): Promise<void> {
  if (counts.size === 0) return;
  // Sorted so concurrent imports lock dictionary rows in the same order (no deadlocks).
  const words = [...counts.keys()].sort();
  await db.execute(sql`INSERT INTO catalogue_words (word, ndoc)
    SELECT w, n FROM unnest(${textArray(words)}::text[], ${sql.param(words.map((w) => counts.get(w) ?? 1))}::int[]) AS x(w, n)
    ON CONFLICT (word) DO UPDATE SET ndoc = catalogue_words.ndoc + EXCLUDED.ndoc`);
}

/** Recounts the dictionary from the stored vectors (after bulk loads; periodic maintenance). */
export async function rebuildDictionary(db: Db): Promise<number> {
  await db.execute(sql`DELETE FROM catalogue_words`);
  const rows = await queryRows<{ n: number }>(
    db,
    sql`WITH ins AS (INSERT INTO catalogue_words (word, ndoc)
        SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM catalogue_records') WHERE length(word) <= 40
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
  );
  return Number(rows[0]?.n ?? 0);
}
