// The dictionary side of a search (catalogue_words: folded word → number of records): typo corrections
// before the postings are asked again, and which word of a query to range-scan first (the rarest).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import { editDistance, editNeighbours } from '../catalogue.text.ts';

/** Alternatives kept per corrected word (each one is probed for every candidate row). */
const MAX_ALTERNATIVES = 2;

/** Dictionary words within one edit (any length) or trigram-similar (long words) of each query word. */
export async function corrections(db: Db, words: readonly string[]): Promise<string[][]> {
  // One lookup for every word's edit-distance-1 neighbours (by primary key).
  const probes = new Set<string>();
  for (const w of words) {
    probes.add(w);
    if (w.length <= 12) for (const n of editNeighbours(w)) probes.add(n);
  }
  const known = new Map<string, number>();
  for (const r of await queryRows<{ word: string; ndoc: number }>(
    db,
    sql`SELECT word, ndoc FROM catalogue_words WHERE word = ANY(${textArray([...probes])}::text[])`,
  ))
    known.set(r.word, Number(r.ndoc));
  // Words the catalogue knows stay as typed when some other word is unknown: that one is the typo.
  const someUnknown = words.some((w) => !known.has(w));
  const out: string[][] = [];
  for (const w of words) {
    if (someUnknown && known.has(w)) {
      out.push([w]);
      continue;
    }
    const found = new Map<string, number>();
    for (const [word, ndoc] of known) if (editDistance(w, word) <= 1) found.set(word, ndoc);
    // Words under 7 letters accept one edit, which the probes cover exactly; longer words accept two, which
    // only the trigram index finds (asked only when one edit found nothing).
    if (w.length >= 7 && [...found.keys()].every((k) => k === w)) {
      for (const r of await queryRows<{ word: string; ndoc: number }>(
        db,
        sql`SELECT word, ndoc FROM catalogue_words WHERE word OPERATOR(public.%) ${w}
          ORDER BY public.similarity(word, ${w}) DESC LIMIT 8`,
      ))
        found.set(r.word, Number(r.ndoc));
    }
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
 * The group to range-scan: the single word with the fewest records (dictionary counts), else the first;
 * with its record count (Infinity when unknown: alternatives only).
 */
export async function driverOf(
  db: Db,
  groups: readonly (readonly string[])[],
): Promise<{ word: number; count: number }> {
  const singles = groups.flatMap((g) => (g.length === 1 ? [g[0] as string] : []));
  if (singles.length === 0) return { word: 0, count: Number.POSITIVE_INFINITY };
  const counts = new Map<string, number>();
  for (const r of await queryRows<{ word: string; ndoc: number }>(
    db,
    sql`SELECT word, ndoc FROM catalogue_words WHERE word = ANY(${textArray(singles)}::text[])`,
  ))
    counts.set(r.word, Number(r.ndoc));
  let best = 0;
  let bestCount = Number.POSITIVE_INFINITY;
  groups.forEach((g, i) => {
    if (g.length !== 1) return;
    const n = counts.get(g[0] as string) ?? 0;
    if (n < bestCount) {
      best = i;
      bestCount = n;
    }
  });
  return { word: best, count: bestCount };
}
