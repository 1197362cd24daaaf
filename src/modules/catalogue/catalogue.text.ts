// Text preparation for catalogue search: the same tokenisation on the document side (what the repository
// stores) and the query side (what the search asks), Vietnamese sort keys, and typo-candidate generation.
import { fold } from '../../lib/vn-text.ts';

const NON_WORD = /[^\p{L}\p{N}]+/gu;
// A pasted title + author runs to 10–12 words; the cost of a search no longer grows with them (issue 17).
const MAX_QUERY_WORDS = 12;
const MAX_WORD_LENGTH = 40;

/** NFC, punctuation and symbols become spaces: `Khánh Hòa-Đà Lạt.` → `Khánh Hòa Đà Lạt`. */
export function wordsText(s: string): string {
  return s.normalize('NFC').replace(NON_WORD, ' ').trim();
}

/** Lower-cased, NOT folded, space-padded word text: ` khánh hòa ` — `strpos` on ` hòa ` is a whole-word match. */
export function exactText(parts: readonly string[]): string {
  return exactWordsText(parts.map(wordsText));
}

/** `exactText` of texts already passed through `wordsText`. */
export function exactWordsText(words: readonly string[]): string {
  const text = words
    .map((p) => p.toLowerCase())
    .filter(Boolean)
    .join(' ');
  return ` ${text.replace(/\s+/g, ' ')} `;
}

export interface QueryWords {
  /** Folded words: what the full-text index is asked. */
  folded: string[];
  /** The same words lower-cased with their diacritics: what exact matches are ranked on. */
  exact: string[];
}

/** Splits a user query into at most 12 words, folded and exact; NFC and NFD input give the same words. */
export function queryWords(q: string): QueryWords {
  const exact = wordsText(q)
    .toLowerCase()
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, MAX_WORD_LENGTH))
    .slice(0, MAX_QUERY_WORDS);
  return { exact, folded: exact.map((w) => fold(w)) };
}

/** Folded distinct words of a record's searchable text (for the dictionary). */
export function foldedWords(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const w of wordsText(t).split(' ')) {
      const f = foldWord(w);
      if (f && f.length <= MAX_WORD_LENGTH) out.add(f);
    }
  }
  return [...out];
}

// Folding word by word through a bounded memo: a catalogue's vocabulary is small next to its records, and
// imports fold every word of every record several times.
const FOLDED = new Map<string, string>();
function foldWord(word: string): string {
  let f = FOLDED.get(word);
  if (f === undefined) {
    f = fold(word);
    if (FOLDED.size >= 50_000) FOLDED.clear();
    FOLDED.set(word, f);
  }
  return f;
}

/** `fold` of a text already passed through `wordsText` (single spaces between words). */
export function foldWordsText(words: string): string {
  return words ? words.split(' ').map(foldWord).join(' ') : '';
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; tones are a secondary
// difference in the order ngang, huyền, hỏi, ngã, sắc, nặng. Encoded so that a bytewise ("C") comparison of
// the keys gives that order: a modifier becomes `~` (0x7E sorts after every letter), tones follow at the end.
const MODIFIERS = new Set(['\u0306', '\u0302', '\u031b']); // breve ă, circumflex â ê ô, horn ơ ư
const TONE: Record<string, string> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};

export function vnSortKey(s: string): string {
  return vnSortKeyOfWords(wordsText(s));
}

/** `vnSortKey` of a text already passed through `wordsText`. */
export function vnSortKeyOfWords(words: string): string {
  let primary = '';
  let tones = '';
  for (const ch of words.toLowerCase()) {
    const key = SORT_KEYS.get(ch) ?? sortKeyOf(ch);
    primary += key.primary;
    tones += key.tone;
  }
  return `${primary}\u0001${tones}`.slice(0, 500);
}

/** One character's part of the sort key, memoised: imports compute keys for millions of characters. */
const SORT_KEYS = new Map<string, { primary: string; tone: string }>();
function sortKeyOf(ch: string): { primary: string; tone: string } {
  const parts = ch.normalize('NFD');
  const base = parts[0] ?? '';
  let mod = '';
  let tone = '0';
  for (const mark of parts.slice(1)) {
    if (MODIFIERS.has(mark)) {
      // a < ă < â and o < ô < ơ need two steps; e < ê and u < ư one.
      const second = (base === 'a' && mark === '\u0302') || (base === 'o' && mark === '\u031b');
      mod = second ? '~~' : '~';
    } else if (TONE[mark]) tone = TONE[mark] ?? '0';
  }
  const key = { primary: base === 'đ' ? 'd~' : base + mod, tone: /\p{L}/u.test(base) ? tone : '' };
  if (SORT_KEYS.size < 10_000) SORT_KEYS.set(ch, key);
  return key;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every string one edit (insert, delete, substitute, swap neighbours) away from a folded word. */
export function editNeighbours(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    for (const c of ALPHABET) out.add(head + c + tail);
    if (i < word.length) {
      out.add(head + word.slice(i + 1));
      for (const c of ALPHABET) out.add(head + c + word.slice(i + 1));
    }
    if (i < word.length - 1) out.add(head + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
  }
  out.delete(word);
  return [...out];
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const prevRow = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (prevRow[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prevRow[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

// Words that label an identifier in a query: "ISBN 978-604-…", "ISSN …", "mã vạch …", "ĐKCB …" (số đăng ký cá
// biệt, a copy's inventory number in Vietnamese libraries), folded.
const IDENTIFIER_LABELS = new Set(['isbn', 'issn', 'ean', 'barcode', 'ma', 'vach', 'dkcb', 'inventory']);

/** An identifier as stored for lookup (migration 0090 `catalogue_ident`): letters and digits, upper-cased. */
export function compactIdentifier(s: string): string {
  return s.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/**
 * When a query is an identifier — an ISBN (10 or 13, with or without hyphens), an ISSN, a barcode or an
 * inventory number, optionally labelled ("isbn 978…") — the compact forms to look up (an ISBN in both its
 * 10- and 13-digit forms); else null. Mostly digits: at least 6 of at least 8 characters, ¾ of them digits.
 */
export function identifierQuery(q: string): string[] | null {
  const words = wordsText(q).split(' ').filter(Boolean);
  const rest = words.filter((w) => !IDENTIFIER_LABELS.has(fold(w).toLowerCase()));
  if (rest.length === 0 || rest.length > 5) return null;
  const id = compactIdentifier(rest.join(''));
  const digits = id.replace(/\D/g, '').length;
  if (id.length < 8 || id.length > 20 || digits < 6 || digits < id.length * 0.75) return null;
  const out = new Set([id]);
  if (/^\d{9}[\dX]$/.test(id)) out.add(isbn13(id));
  if (/^97[89]\d{10}$/.test(id)) {
    const ten = isbn10(id);
    if (ten) out.add(ten);
  }
  return [...out];
}

function isbn13(isbn10digits: string): string {
  const core = `978${isbn10digits.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(core[i]) * (i % 2 ? 3 : 1);
  return `${core}${(10 - (sum % 10)) % 10}`;
}

function isbn10(isbn13digits: string): string | null {
  if (!isbn13digits.startsWith('978')) return null;
  const core = isbn13digits.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(core[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return `${core}${check === 10 ? 'X' : String(check)}`;
}
