// Vietnamese text folding for search and matching: NFC, lower-case, strip tone and vowel marks, đ → d.
// The SQL function vn_fold() in the migrations does the same; a test keeps them in step.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function normalizeNfc(s: string): string {
  return s.normalize('NFC');
}

export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vietnamese collation for sorting lists shown to people. */
export const vnCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
