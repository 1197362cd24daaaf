// MARC language codes (ISO 639-2/B, MARC 008/35-37 and 041) to BCP 47 tags (schema.org `inLanguage`, HTML
// `lang`): the ISO 639-1 code where one exists, else the ISO 639-2/T (= 639-3) code; null for codes that name
// no language (`und`, `mul`, `zxx`, `mis`) or that are not codes at all.
import { iso6392 } from 'iso-639-2';

const byMarc = new Map<string, string>();
for (const l of iso6392) {
  const tag = l.iso6391 ?? l.iso6392T ?? l.iso6392B;
  byMarc.set(l.iso6392B, tag);
  if (l.iso6392T) byMarc.set(l.iso6392T, tag);
}
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

export function bcp47FromMarc(code: string | null | undefined): string | null {
  const c = code?.trim().toLowerCase();
  if (!c || NO_LANGUAGE.has(c)) return null;
  if (/^[a-z]{2}(-[a-z0-9]{1,8})*$/i.test(c)) return c; // already a BCP 47 tag (e.g. from a tabular import)
  return byMarc.get(c) ?? null;
}
