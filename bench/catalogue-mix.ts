// The catalogue bench's query mix and figures: the long queries built from the records a run loaded, the
// common-word titles of issue 17's worst case, and the percentile lines it prints (see catalogue.ts).
import {
  type GeneratedRecord,
  generator,
  type QUERY_MIX,
} from '../src/modules/catalogue/catalogue.demo-data.server.ts';

/** Common title syllables (issue 17 worst case): each is in ~1/6 of the --common records. */
export const COMMON_WORDS = (
  'lịch sử văn hóa việt nam người dân tộc miền bắc trung đất nước thời đại mới xã hội kinh tế phát triển ' +
  'nghệ thuật truyền thống địa phương tỉnh thành phố con đường cuộc sống gia đình nhân cách mạng khoa học'
).split(' ');
export function commonTitle(r: () => number): string {
  return Array.from({ length: 7 }, () => COMMON_WORDS[Math.floor(r() * COMMON_WORDS.length)]).join(' ');
}
/** A small deterministic generator (the titles are rebuilt for the queries). */
export function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
export function summary(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(18)} n=${String(s.length).padStart(5)}  p50 ${fmt(pct(s, 50)).padStart(10)}  p95 ${fmt(pct(s, 95)).padStart(10)}  p99 ${fmt(pct(s, 99)).padStart(10)}  max ${fmt(s.at(-1) ?? 0).padStart(10)}`;
}

export type MixEntry = (typeof QUERY_MIX)[number];
export const SHORT_KINDS = new Set(['word+diacritics', 'word folded', 'phrase']);
export const CLASSES: Array<[string, string[]]> = [
  ['short (1–2 words)', [...SHORT_KINDS]],
  ['typo + facet', ['typo', 'facet']],
  ['long title', ['long title']],
  ['common-word title', ['common-word title']],
  ['title + author', ['title + author']],
  ['number', ['number']],
  ['no hit', ['no hit']],
];

/** Queries built from records the load generated (generator(2030), published unless index % 50 === 0). */
export function longQueries(size: number): MixEntry[] {
  const gen = generator(2030);
  const picked: Array<{ i: number; g: GeneratedRecord }> = [];
  // Spread over the whole load: one record near each tenth of it.
  const targets = Array.from({ length: 10 }, (_, k) => Math.floor(((k + 0.5) * size) / 10));
  for (let i = 0, t = 0; i < size && t < targets.length; i++) {
    const g = gen();
    if (i < (targets[t] as number) || i % 50 === 0 || g.title.split(' ').length < 5 || !g.isbn) continue;
    picked.push({ i, g });
    t++;
  }
  const out: MixEntry[] = [];
  picked.slice(0, 5).forEach(({ g }) => {
    out.push({ kind: 'long title', q: g.title });
  });
  picked.slice(5, 10).forEach(({ g }) => {
    out.push({ kind: 'title + author', q: `${g.title} ${g.creators[0] ?? ''}`.trim() });
  });
  const isbns = picked.map(({ g }) => g.isbn as string);
  out.push(
    { kind: 'number', q: `isbn ${isbns[0]}` },
    { kind: 'number', q: isbns[1] as string },
    { kind: 'number', q: (isbns[2] as string).replace(/^(\d{3})(\d{3})(\d{6})(\d)$/, '$1-$2-$3-$4') },
    { kind: 'number', q: 'isbn 9786049999999' },
    { kind: 'no hit', q: 'quantum chromodynamics lattice gauge theory for graduate students' },
    { kind: 'no hit', q: 'gốm hòa bình cho thiếu nhi tây nguyên raglai chiến tranh tuyển tập' },
    { kind: 'no hit', q: 'zxqv wbrtk plmnq' },
    { kind: 'no hit', q: 'kiến trúc yến sào ponagar hán nôm chuyển đổi số đà lạt' },
  );
  return out;
}

/** Five of the `count` common-word titles the load added (rebuilt from the same seed). */
export function commonQueries(count: number): MixEntry[] {
  const r = lcg(1717);
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = commonTitle(r);
    if (i % Math.max(1, Math.floor(count / 5)) === 7) titles.push(t);
  }
  return titles.slice(0, 5).map((q) => ({ kind: 'common-word title', q }));
}

/** The samples of the short (1–2-word) queries, sorted: the baseline every class is judged against. */
export function shortSamples(byKind: Map<string, number[]>): number[] {
  return [...byKind]
    .filter(([k]) => SHORT_KINDS.has(k))
    .flatMap(([, v]) => v)
    .sort((a, b) => a - b);
}

/** One line per query class with its p50/p95 as a multiple of the short queries' of the same samples. */
export function printByClass(byKind: Map<string, number[]>): void {
  const shortS = shortSamples(byKind);
  for (const [cls, kinds] of CLASSES) {
    const s = [...byKind].filter(([k]) => kinds.includes(k)).flatMap(([, v]) => v);
    if (!s.length) continue;
    const sorted = s.sort((a, b) => a - b);
    console.log(
      `${summary(cls, sorted)}  = ${(pct(sorted, 50) / pct(shortS, 50)).toFixed(1)}× / ${(pct(sorted, 95) / pct(shortS, 95)).toFixed(1)}× short (p50/p95)`,
    );
  }
}
