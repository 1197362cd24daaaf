// The indicators module's public surface: what other modules (reports) may use.
import type { AppDeps } from '../../app/deps.types.ts';
import { type ComputeOptions, computeContext, computeValue } from './indicators.compute.server.ts';
import { coveredUnits, yearsBetween } from './indicators.scope.ts';
import { rootOf, type UnitInfo, unitList } from './indicators.units.server.ts';
import { isAdditive } from './indicators.vocab.ts';

export type { ComputeOptions } from './indicators.compute.server.ts';
export type { UnitInfo } from './indicators.units.server.ts';
export { canSeeUnit, resolveScope } from './indicators.units.server.ts';

export const indicatorsPort = {
  units: (deps: AppDeps): Promise<UnitInfo[]> => unitList(deps),
  root: (units: readonly UnitInfo[]) => rootOf(units),
  covered: (units: readonly UnitInfo[], unitId: string) => coveredUnits(units, unitId),
  async activeDefinitions(deps: AppDeps) {
    const defs = await deps.repos.indicators.definitions(deps.db);
    return defs
      .filter((d) => d.active)
      .map((d) => ({ ...d, additive: isAdditive(d.aggregation, d.measure) }));
  },
  /** Every active indicator's value for the unit (with its subtree and merged units) over the years. */
  async valuesFor(
    deps: AppDeps,
    q: { yearFrom: number; yearTo: number; unitId: string | null },
    options: ComputeOptions = {},
  ) {
    const byUnit = await indicatorsPort.valuesForUnits(
      deps,
      { yearFrom: q.yearFrom, yearTo: q.yearTo, unitIds: [q.unitId] },
      options,
    );
    return byUnit.get(q.unitId) ?? {};
  },
  /**
   * The same for many units at once (a report's columns; null = the province): one grouped query per indicator,
   * rolled up over the unit tree, unless `direct`.
   */
  async valuesForUnits(
    deps: AppDeps,
    q: { yearFrom: number; yearTo: number; unitIds: ReadonlyArray<string | null> },
    options: ComputeOptions = {},
  ): Promise<Map<string | null, Record<string, number | null>>> {
    const defs = await deps.repos.indicators.definitions(deps.db);
    const active = defs.filter((d) => d.active);
    const ctx = await computeContext(deps, defs, {
      yearSpan: { from: q.yearFrom, to: q.yearTo },
      rollupUnits: q.unitIds.length > 1,
      ...options,
    });
    const units = q.unitIds.some((u) => u !== null) ? await unitList(deps) : [];
    const years = yearsBetween(q.yearFrom, q.yearTo);
    const out = new Map<string | null, Record<string, number | null>>();
    for (const unitId of q.unitIds) {
      const unitIds = unitId ? coveredUnits(units, unitId) : undefined;
      const values = await Promise.all(active.map((d) => computeValue(ctx, d, { years, unitIds })));
      out.set(unitId, Object.fromEntries(active.map((d, i) => [d.code, values[i] ?? null])));
    }
    return out;
  },
  /** Every active indicator's value for the unit in each year (one `year`-grouped query per indicator). */
  async valuesByYear(
    deps: AppDeps,
    q: { unitId: string | null; years: readonly number[] },
  ): Promise<Map<number, Record<string, number | null>>> {
    const out = new Map<number, Record<string, number | null>>();
    if (q.years.length === 0) return out;
    const defs = await deps.repos.indicators.definitions(deps.db);
    const active = defs.filter((d) => d.active);
    const ctx = await computeContext(deps, defs, {
      yearSpan: { from: Math.min(...q.years), to: Math.max(...q.years) },
    });
    const unitIds = q.unitId ? coveredUnits(await unitList(deps), q.unitId) : undefined;
    for (const year of q.years) {
      const values = await Promise.all(active.map((d) => computeValue(ctx, d, { years: [year], unitIds })));
      out.set(year, Object.fromEntries(active.map((d, i) => [d.code, values[i] ?? null])));
    }
    return out;
  },
  /** Manual (unit-entered) indicators, for the report form. */
  async manualDefinitions(deps: AppDeps) {
    return (await deps.repos.indicators.definitions(deps.db)).filter(
      (d) => d.active && d.sourceKind === 'manual',
    );
  },
  saveManualValue: (
    deps: AppDeps,
    db: Parameters<AppDeps['repos']['indicators']['upsertManualValue']>[0],
    v: { indicatorId: string; unitId: string; year: number; value: number; evidence: string },
    by: string | null,
  ) => deps.repos.indicators.upsertManualValue(db, v, by),
};
