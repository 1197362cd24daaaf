// The indicators module's public surface: what other modules (reports) may use.
import type { AppDeps } from '../../app/deps.types.ts';
import { computeContext, computeValue } from './indicators.compute.server.ts';
import { coveredUnits, yearsBetween } from './indicators.scope.ts';
import { rootOf, type UnitInfo, unitList } from './indicators.units.server.ts';
import { isAdditive } from './indicators.vocab.ts';

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
  async valuesFor(deps: AppDeps, q: { yearFrom: number; yearTo: number; unitId: string | null }) {
    const defs = await deps.repos.indicators.definitions(deps.db);
    const active = defs.filter((d) => d.active);
    const ctx = await computeContext(deps, defs);
    const unitIds = q.unitId ? coveredUnits(await unitList(deps), q.unitId) : undefined;
    const years = yearsBetween(q.yearFrom, q.yearTo);
    const out: Record<string, number | null> = {};
    for (const d of active) out[d.code] = await computeValue(ctx, d, { years, unitIds });
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
