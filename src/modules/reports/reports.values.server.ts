// The figures of a report: every active indicator for a unit (its subtree and the units merged into it) over the
// period's years, live now; and the consolidated table of a period — each expected unit's figures (frozen at
// acceptance, else live), the total, and where the live figures moved since acceptance.
import type { AppDeps } from '../../app/deps.types.ts';
import { type ComputeOptions, indicatorsPort } from '../indicators/index.server.ts';
import type { Period, Submission } from './reports.repository.server.ts';

export type Values = Record<string, number | null>;

/** Units that report: operating units other than the Department itself and its leadership. */
export async function expectedUnits(deps: AppDeps) {
  const units = await indicatorsPort.units(deps);
  const root = indicatorsPort.root(units);
  return units.filter(
    (u) => u.id !== root?.id && u.validTo === null && u.mergedIntoId === null && u.code !== 'ban-giam-doc',
  );
}

export async function liveUnitValues(deps: AppDeps, period: Period, unitId: string): Promise<Values> {
  return indicatorsPort.valuesFor(deps, { yearFrom: period.yearFrom, yearTo: period.yearTo, unitId });
}

export interface ConsolidatedRow {
  code: string;
  nameVi: string;
  measure: string;
  additive: boolean;
  /** Per expected unit, in `units` order: the figure shown (frozen when accepted). */
  cells: Array<number | null>;
  total: number | null;
  /** Σ(live − frozen) over accepted units; 0 when nothing moved. */
  changedSince: number;
  /** For a ratio: the rows (codes) whose totals it divides; its total is their ratio, not a sum of cells. */
  ratioOf: [string, string] | null;
}

export interface Consolidated {
  periodId: string;
  takenAt: string;
  units: Array<{ id: string; name: string; accepted: boolean }>;
  rows: ConsolidatedRow[];
  submissions: Array<Pick<Submission, 'unitId' | 'narratives' | 'difficulties' | 'proposals' | 'status'>>;
}

export function totalOf(additive: boolean, cells: ReadonlyArray<number | null>): number | null {
  const present = cells.filter((c): c is number => c !== null);
  if (present.length === 0) return null;
  const sum = present.reduce((s, v) => s + v, 0);
  return Math.round((additive ? sum : sum / present.length) * 100) / 100;
}

export async function consolidate(
  deps: AppDeps,
  period: Period,
  onlyUnit?: string | null,
  options: ComputeOptions = {},
): Promise<Consolidated> {
  const all = await expectedUnits(deps);
  const units = onlyUnit ? all.filter((u) => u.id === onlyUnit) : all;
  const subs = new Map((await deps.repos.reports.submissions(deps.db, period.id)).map((s) => [s.unitId, s]));
  const defs = await indicatorsPort.activeDefinitions(deps);
  const frozen: Values[] = [];
  const live: Values[] = [];
  // Every unit's live figures at once (one grouped query per indicator, rolled up over the unit tree).
  const liveByUnit = await indicatorsPort.valuesForUnits(
    deps,
    { yearFrom: period.yearFrom, yearTo: period.yearTo, unitIds: units.map((u) => u.id) },
    options,
  );
  for (const u of units) {
    const s = subs.get(u.id);
    const now = liveByUnit.get(u.id) ?? {};
    live.push(now);
    frozen.push(s?.status === 'accepted' && s.snapshot ? s.snapshot.values : now);
  }
  const rows: ConsolidatedRow[] = defs.map((d) => {
    const cells = frozen.map((v) => v[d.code] ?? null);
    let changedSince = 0;
    units.forEach((u, i) => {
      if (subs.get(u.id)?.status !== 'accepted') return;
      const was = frozen[i]?.[d.code] ?? null;
      const is = live[i]?.[d.code] ?? null;
      if (was !== is) changedSince += (is ?? 0) - (was ?? 0);
    });
    return {
      code: d.code,
      nameVi: d.nameVi,
      measure: d.measure,
      additive: d.additive,
      cells,
      total: totalOf(d.additive, cells),
      changedSince: Math.round(changedSince * 100) / 100,
      ratioOf:
        d.sourceKind === 'ratio' && d.numeratorCode && d.denominatorCode
          ? ([d.numeratorCode, d.denominatorCode] as [string, string])
          : null,
    };
  });
  // A ratio's total is the ratio of its two indicators' totals (as the dashboard computes the province's).
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const r of rows) {
    if (!r.ratioOf) continue;
    const num = byCode.get(r.ratioOf[0])?.total ?? null;
    const den = byCode.get(r.ratioOf[1])?.total ?? null;
    r.total = num === null || !den ? null : Math.round((num / den) * 10000) / 100;
  }
  return {
    periodId: period.id,
    takenAt: deps.now().toISOString(),
    units: units.map((u) => ({ id: u.id, name: u.name, accepted: subs.get(u.id)?.status === 'accepted' })),
    rows,
    submissions: units.flatMap((u) => {
      const s = subs.get(u.id);
      return s
        ? [
            {
              unitId: u.id,
              narratives: s.narratives,
              difficulties: s.difficulties,
              proposals: s.proposals,
              status: s.status,
            },
          ]
        : [];
    }),
  };
}
