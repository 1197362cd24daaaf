// Client-safe vocabulary of circulation: statuses, item kinds, reader categories (pages import these).
export const ITEM_STATUSES = [
  'available',
  'on_loan',
  'on_hold_shelf',
  'in_transit',
  'lost',
  'withdrawn',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_KINDS = ['book', 'children_book', 'periodical', 'audiovisual', 'reference'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const READER_CATEGORIES = ['adult', 'child', 'student', 'elderly'] as const;
export type ReaderCategory = (typeof READER_CATEGORIES)[number];

export const HOLD_STATUSES = ['waiting', 'in_transit', 'ready', 'fulfilled', 'cancelled', 'expired'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** Under this age a guardian consents for the reader (Decree 13/2023/ND-CP, art. 20: children under 16). */
export const MINOR_AGE = 16;
