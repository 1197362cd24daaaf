// Vocabulary of the catalogue that pages may import (no server imports).
export const RECORD_TYPES = [
  'book',
  'serial',
  'audiovisual',
  'digitised_document',
  'museum_object',
  'exhibition',
  'learning_resource',
  'heritage_site',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Rows of a spreadsheet shown before the mapping is confirmed. */
export const PREVIEW_ROWS = 10;
/** Problems listed on the import report page (the CSV report has them all). */
export const REPORT_LIMIT = 500;
/** Errors kept per MARC import job; later ones are counted, not stored. */
export const MAX_STORED_ERRORS = 1000;
