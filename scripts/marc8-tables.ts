// Generates src/modules/catalogue/marc/marc8-tables.json from the Library of Congress MARC-8 code tables
// (codetables.xml, https://www.loc.gov/marc/specifications/codetables.xml; a copy ships with marc4j as
// src/org/marc4j/converter/impl/resources/codetables.xml). Run: node scripts/marc8-tables.ts codetables.xml
// Output: { "<final byte of the set's escape>": { "<code, high bit cleared, hex>": "<Unicode text>" },
//           "combining": { "<set>": ["<code>", …] } }.
import { readFileSync, writeFileSync } from 'node:fs';

const xml = readFileSync(process.argv[2] ?? 'codetables.xml', 'utf8');
const sets: Record<string, Record<string, string>> = {};
const combining: Record<string, string[]> = {};
const setRe = /<characterSet[^>]*ISOcode="([0-9A-F]{2})"[^>]*>([\s\S]*?)<\/characterSet>/g;
for (const m of xml.matchAll(setRe)) {
  const iso = m[1] as string;
  const table: Record<string, string> = {};
  const marks: string[] = [];
  for (const c of (m[2] as string).matchAll(/<code>([\s\S]*?)<\/code>/g)) {
    const body = c[1] as string;
    const marc = /<marc>([0-9A-F]+)<\/marc>/.exec(body)?.[1];
    const ucs = /<ucs>([0-9A-F]+)<\/ucs>/.exec(body)?.[1] ?? /<alt>([0-9A-F]+)<\/alt>/.exec(body)?.[1];
    if (!marc || !ucs) continue;
    // Codes are given in G0 or G1 form; the decoder looks them up with the high bit of each byte cleared.
    const key = (marc.match(/../g) ?? [])
      .map((h) => (Number.parseInt(h, 16) & 0x7f).toString(16).padStart(2, '0'))
      .join('');
    const cp = Number.parseInt(ucs, 16);
    if (Number.parseInt(marc.slice(0, 2), 16) < 0x20 && marc.length === 2) continue; // control characters
    if (table[key] === undefined) table[key] = String.fromCodePoint(cp);
    if (/<isCombining>true<\/isCombining>/.test(body)) marks.push(key);
  }
  sets[iso] = table;
  if (marks.length) combining[iso] = marks;
}
writeFileSync(
  process.argv[3] ?? 'src/modules/catalogue/marc/marc8-tables.json',
  `${JSON.stringify({ sets, combining })}\n`,
);
console.log(
  Object.entries(sets)
    .map(([k, v]) => `${k}: ${Object.keys(v).length}`)
    .join(', '),
);
