// 8-bit character sets an ISO 2709 upload may be declared in (MARC 21 has no leader code for them); shared by
// the reader and the upload form, so it has no dependencies.
export const LEGACY_ENCODINGS = [
  'windows-1251',
  'windows-1252',
  'windows-1258',
  'iso-8859-1',
  'iso-8859-5',
  'koi8-r',
  'cp866',
] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];
