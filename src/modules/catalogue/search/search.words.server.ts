// The dictionary side of a search (catalogue_words: folded word → number of records): typo corrections
// before the postings are asked again, and which word of a query to range-scan first (the rarest).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import { editDistance, editNeighbours } from '../catalogue.text.ts';

/** Alternatives kept per corrected word (each one is probed for every candidate row). */
const MAX_ALTERNATIVES = 2;

/** Words corrected at most per query: more unknown words than this is not a typo but another text. */
export const MAX_CORRECTED = 3;

/** Whether a query word is worth correcting: not a number or code, not a single letter. */
export function correctable(w: string): boolean {
  return w.length >= 2 && !/\d/.test(w);
}

/**
 * Dictionary words within one edit (any length) or trigram-similar (long words) of each query word.
 * Bounded whatever the query's length (issue 17): only words the dictionary does not know are corrected, at
 * most MAX_CORRECTED of them (more: nothing is); numbers, codes and single letters never are. One
 * dictionary lookup for the query's words, one for every edit neighbour, one for every trigram search.
 */
export async function corrections(
  db: Db,
  words: readonly string[],
  memo: DictionaryMemo = new Map(),
): Promise<string[][]> {
  const known = await dictionaryCounts(db, words, memo);
  const unknown = words.filter((w) => !known.has(w));
  // Every word known (the words exist, just not together): a known word is its own closest match, so there
  // is nothing to correct. An unknown word that cannot be corrected (a number), or too many unknown words:
  // no correction can give hits.
  if (unknown.length === 0 || unknown.length > MAX_CORRECTED || !unknown.every(correctable))
    return words.map((w) => [w]);
  const targets = new Set(unknown);
  // One lookup for every target's edit-distance-1 neighbours (by primary key).
  const probes = new Set<string>();
  for (const w of targets) if (w.length <= 12) for (const n of editNeighbours(w)) probes.add(n);
  for (const [w, n] of await dictionaryCounts(db, [...probes], memo)) known.set(w, n);
  // Words under 7 letters accept one edit, which the probes cover exactly; longer words accept two, which
  // only the trigram index finds (asked only when one edit found nothing), all in one statement.
  const near = (w: string) => [...known.keys()].filter((k) => k !== w && editDistance(w, k) <= 1);
  const long = [...targets].filter((w) => w.length >= 7 && near(w).length === 0);
  const trigram = new Map<string, Map<string, number>>();
  if (long.length) {
    for (const r of await queryRows<{ q: string; word: string; ndoc: number }>(
      db,
      sql`SELECT q.w AS q, c.word, c.ndoc FROM unnest(${textArray(long)}::text[]) AS q(w)
        CROSS JOIN LATERAL (SELECT word, ndoc FROM catalogue_words WHERE word OPERATOR(public.%) q.w
          ORDER BY public.similarity(word, q.w) DESC LIMIT 8) c`,
    )) {
      const m = trigram.get(r.q) ?? new Map<string, number>();
      m.set(r.word, Number(r.ndoc));
      trigram.set(r.q, m);
    }
  }
  const out: string[][] = [];
  for (const w of words) {
    if (!targets.has(w)) {
      out.push([w]);
      continue;
    }
    const found = new Map<string, number>();
    for (const [word, ndoc] of known) if (editDistance(w, word) <= 1) found.set(word, ndoc);
    for (const [word, ndoc] of trigram.get(w) ?? []) found.set(word, ndoc);
    const maxDistance = w.length >= 7 ? 2 : 1;
    const ranked = [...found.entries()]
      .map(([word, ndoc]) => ({ word, ndoc, d: editDistance(w, word), swap: isSwap(w, word) }))
      .filter((c) => c.d <= maxDistance)
      // Two neighbouring letters swapped is the most common slip on a phone keyboard: it wins ties.
      .sort((a, b) => a.d - b.d || Number(b.swap) - Number(a.swap) || b.ndoc - a.ndoc);
    // A clear winner (closer, or the only swap) is taken alone; otherwise the best two are both asked.
    const [first, second] = ranked;
    const clear = first && (!second || first.d < second.d || (first.swap && !second.swap));
    const kept = clear ? [first] : ranked.slice(0, MAX_ALTERNATIVES);
    out.push(kept.length ? kept.map((c) => c.word) : [w]);
  }
  return out;
}

/** Same letters, two neighbours swapped ("nah" → "nha"). */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return (
    diff.length === 2 &&
    diff[1] === (diff[0] as number) + 1 &&
    a[diff[0] as number] === b[diff[1] as number] &&
    a[diff[1] as number] === b[diff[0] as number]
  );
}

/**
 * Dictionary counts asked for during one search: the walk's plan, the typo correction and the corrected walk's
 * plan ask for overlapping words (a typo query read the same counts three times; issue 17).
 */
export type DictionaryMemo = Map<string, number | null>;

/** Dictionary counts of these words (absent: no record has the word, or it is a number/identifier). */
async function dictionaryCounts(
  db: Db,
  words: readonly string[],
  memo: DictionaryMemo = new Map(),
): Promise<Map<string, number>> {
  const missing = [...new Set(words)].filter((w) => !memo.has(w));
  if (missing.length) {
    for (const w of missing) memo.set(w, null);
    for (const r of await queryRows<{ word: string; ndoc: number }>(
      db,
      sql`SELECT word, ndoc FROM catalogue_words WHERE word = ANY(${textArray(missing)}::text[])`,
    ))
      memo.set(r.word, Number(r.ndoc));
  }
  const counts = new Map<string, number>();
  for (const w of words) {
    const n = memo.get(w);
    if (n !== null && n !== undefined) counts.set(w, n);
  }
  return counts;
}

export interface DriverPlan {
  /** The group to range-scan: the single word with the fewest records (dictionary counts), else the first. */
  word: number;
  /** Its record count (Infinity when unknown: alternatives only). */
  count: number;
  /** The other groups, rarest first: the order they are probed in, so a non-match is rejected early. */
  order: number[];
  /** Every group's record count, by index (Infinity: alternatives). */
  counts: number[];
}

/**
 * Which group to range-scan and in which order to probe the others. Numbers and codes are not in the
 * dictionary (identifiers are indexed but not corrected): they count as rare, which they are.
 */
export async function driverOf(
  db: Db,
  groups: readonly (readonly string[])[],
  memo?: DictionaryMemo,
): Promise<DriverPlan> {
  const singles = groups.flatMap((g) => (g.length === 1 ? [g[0] as string] : []));
  const counts = await dictionaryCounts(db, singles, memo);
  const countOf = (g: readonly string[]) =>
    g.length === 1 ? (counts.get(g[0] as string) ?? 0) : Number.POSITIVE_INFINITY;
  const ranked = groups.map((g, i) => ({ i, n: countOf(g) })).sort((a, b) => a.n - b.n || a.i - b.i);
  const first = ranked[0] ?? { i: 0, n: Number.POSITIVE_INFINITY };
  return {
    word: first.i,
    count: first.n,
    order: ranked.slice(1).map((r) => r.i),
    counts: groups.map(countOf),
  };
}
