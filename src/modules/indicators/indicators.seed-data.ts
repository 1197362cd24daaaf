// The starter set of indicators (reference seed). National targets are seeded where DOMAIN-FACTS marks them
// confirmed (status 'confirmed'); likely or unverified ones are editable drafts (status 'draft'). Every
// indicator names where it comes from. Codes are stable: the seed adds what is missing and never overwrites an
// indicator the focal point has edited.
import type { Aggregation, Direction, Measure, SourceKind } from './indicators.vocab.ts';
import { NATIONAL_INDICATORS } from './indicators-national.seed-data.ts';
import { PLATFORM_INDICATORS } from './indicators-platform.seed-data.ts';

export interface SeedIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  measure: Measure;
  direction: Direction;
  aggregation: Aggregation;
  sourceKind: SourceKind;
  sourceKey?: string;
  numerator?: string;
  denominator?: string;
  breakdowns: string[];
  set: string;
  citation: string;
  status: 'confirmed' | 'draft';
  targets?: Array<{ year: number; target: number; status: 'confirmed' | 'draft' }>;
}

/** The whole starter set: the platform's own indicators, then the national programmes'. */
export const SEED_INDICATORS: readonly SeedIndicator[] = [...PLATFORM_INDICATORS, ...NATIONAL_INDICATORS];
