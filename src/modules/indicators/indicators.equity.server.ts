// The equity view (issue 13): how many distinct people from each commune took part in the year, against the
// commune's population, by age band; small cells suppressed (indicators.suppress.ts); communes nobody took part
// from listed. Every module that counts people contributes the learner ids it counted through its indicator
// source's `participants` (no module reads another's tables); the learners module answers each id's commune and
// year of birth. Sex, ethnicity and disability are not recorded by the platform (see docs/equity.md): the view
// says so instead of showing columns filled with "unknown".
import type { AppDeps } from '../../app/deps.types.ts';
import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { forbidden } from '../../lib/errors.ts';
import { learnerDemographics } from '../learners/index.server.ts';
import { placesPort } from '../places/index.server.ts';
import { yearWindow } from './indicators.scope.ts';
import { type SuppressedTable, suppress } from './indicators.suppress.ts';

export const EQUITY_THRESHOLD_KEY = 'indicators.equity.min_cell';
export const DEFAULT_EQUITY_THRESHOLD = 10;
export const EQUITY_AGE_BANDS = ['0-15', '16-24', '25-39', '40-59', '60+', 'unknown'] as const;
export type EquityAgeBand = (typeof EQUITY_AGE_BANDS)[number];
/** The row of people whose profile names no commune (or a commune the places data no longer has). */
export const UNKNOWN_COMMUNE = '';

export function ageBand(year: number, birthYear: number | null): EquityAgeBand {
  if (birthYear === null || birthYear > year) return 'unknown';
  const age = year - birthYear;
  if (age <= 15) return '0-15';
  if (age <= 24) return '16-24';
  if (age <= 39) return '25-39';
  if (age <= 59) return '40-59';
  return '60+';
}

export interface EquityRow {
  commune: string;
  population: number | null;
  /** Participants per 1,000 inhabitants (null when unknown or the row's total is suppressed). */
  ratePerThousand: number | null;
}

export interface EquityView {
  year: number;
  threshold: number;
  bands: readonly EquityAgeBand[];
  rows: EquityRow[];
  table: SuppressedTable;
  /** Communes (with a population figure or a place) from which nobody took part in the year. */
  noService: string[];
  /** The modules' sources that contributed participants. */
  sources: string[];
}

export async function equityThreshold(deps: AppDeps): Promise<number> {
  const v = await deps.repos.settings.get<number>(EQUITY_THRESHOLD_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 100 ? v : DEFAULT_EQUITY_THRESHOLD;
}

/** Distinct learner ids counted by every source that declares its participants, in the year. */
async function participantsOf(deps: AppDeps, year: number): Promise<{ ids: Set<string>; sources: string[] }> {
  const { indicatorSources } = await import('../../app/registries.server.ts');
  const window = yearWindow(year);
  const ids = new Set<string>();
  const sources: string[] = [];
  for (const src of indicatorSources.values()) {
    if (!src.participants) continue;
    sources.push(src.key);
    for (const id of await src.participants(deps, window)) ids.add(id);
  }
  return { ids, sources };
}

export async function equityView(deps: AppDeps, year: number): Promise<EquityView> {
  const [threshold, { ids, sources }, population, communes] = await Promise.all([
    equityThreshold(deps),
    participantsOf(deps, year),
    deps.repos.indicators.populationOf(deps.db, year),
    placesPort.communes(deps, deps.db),
  ]);
  const known = new Set([...communes, ...population.keys()]);
  const people = await learnerDemographics(deps.db, [...ids]);
  const counts = new Map<string, number[]>();
  const bandIndex = new Map(EQUITY_AGE_BANDS.map((b, i) => [b, i]));
  for (const id of ids) {
    const p = people.get(id);
    const commune = p?.commune && known.has(p.commune) ? p.commune : UNKNOWN_COMMUNE;
    const row = counts.get(commune) ?? EQUITY_AGE_BANDS.map(() => 0);
    const i = bandIndex.get(ageBand(year, p?.birthYear ?? null)) ?? EQUITY_AGE_BANDS.length - 1;
    row[i] = (row[i] ?? 0) + 1;
    counts.set(commune, row);
  }
  const names = [...counts.keys()]
    .filter((c) => c !== UNKNOWN_COMMUNE)
    .sort((a, b) => a.localeCompare(b, 'vi'));
  if (counts.has(UNKNOWN_COMMUNE)) names.push(UNKNOWN_COMMUNE);
  const table = suppress({ cells: names.map((c) => counts.get(c) ?? []) }, threshold);
  const rows = names.map((commune, r) => {
    const pop = population.get(commune) ?? null;
    const total = table.rowTotals[r] ?? null;
    return {
      commune,
      population: pop,
      ratePerThousand: pop && total !== null ? Math.round((total / pop) * 10000) / 10 : null,
    };
  });
  const noService = [...known].filter((c) => !counts.has(c)).sort((a, b) => a.localeCompare(b, 'vi'));
  return { year, threshold, bands: EQUITY_AGE_BANDS, rows, table, noService, sources };
}

/** The view for the leadership, the focal point and administrators (who load the population figures). */
export async function getEquityView(deps: AppDeps, actor: Actor, year: number): Promise<EquityView> {
  if (!can(actor, 'indicators.dashboard.readAll') && !can(actor, 'indicators.population.manage'))
    throw forbidden();
  return equityView(deps, year);
}
