// Client-safe vocabulary of indicators (pages import it; no server code here).
export const MEASURES = ['people', 'times', 'events', 'items', 'hours', 'vnd', 'percent', 'count'] as const;
export type Measure = (typeof MEASURES)[number];
export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const AGGREGATIONS = ['sum', 'average', 'latest', 'distinct', 'ratio'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const SOURCE_KINDS = ['computed', 'manual', 'ratio'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const INDICATOR_SETS = ['core', 'qd1520', 'qd677', 'budget'] as const;
/** First year of the programme's records (the 2023 plan). */
export const FIRST_YEAR = 2023;
/** Cells of the equity view below this many people are not shown. */
export const SUPPRESS_BELOW = 10;
/** Additive indicators are totalled by summing units; the others by averaging them. */
export function isAdditive(a: Aggregation, measure: Measure): boolean {
  return (a === 'sum' || a === 'distinct') && measure !== 'percent';
}
