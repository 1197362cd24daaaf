// The dashboard's figures: for a year, a unit (or the province) and an indicator set — each indicator's value,
// last year's, the target and whether it is met; for the chosen indicator its trend by year, its value per unit
// and per commemorative day. Read-only; a unit sees only its own subtree (and the units merged into it).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { COMMEMORATIVE_DAYS } from '../plan/index.server.ts';
import {
  type ComputeOptions,
  computeBreakdown,
  computeByUnit,
  computeContext,
  computeValue,
} from './indicators.compute.server.ts';
import { byCommemorativeDay } from './indicators.days.ts';
import type { IndicatorDefinition, IndicatorTarget } from './indicators.repository.server.ts';
import { yearsBetween } from './indicators.scope.ts';
import { resolveScope, selectableUnits, unitList } from './indicators.units.server.ts';
import { FIRST_YEAR } from './indicators.vocab.ts';

export interface DashboardFilters {
  year: number;
  unitId?: string | null | undefined;
  set?: string | null | undefined;
  indicator?: string | null | undefined;
}

export interface Figure {
  code: string;
  nameVi: string;
  nameEn: string;
  measure: IndicatorDefinition['measure'];
  direction: IndicatorDefinition['direction'];
  value: number | null;
  previous: number | null;
  target: number | null;
  targetStatus: 'confirmed' | 'draft' | null;
  /** met / not met against the target in the indicator's direction; null without a target or value. */
  met: boolean | null;
}

export function targetFor(
  targets: readonly IndicatorTarget[],
  indicatorId: string,
  year: number,
  unitId: string | null,
): IndicatorTarget | undefined {
  return targets.find((t) => t.indicatorId === indicatorId && t.year === year && t.unitId === unitId);
}

export function isMet(direction: 'up' | 'down', value: number | null, target: number | null): boolean | null {
  if (value === null || target === null) return null;
  return direction === 'up' ? value >= target : value <= target;
}

export async function dashboard(
  deps: AppDeps,
  actor: Actor,
  f: DashboardFilters,
  options: Pick<ComputeOptions, 'direct'> = {},
) {
  const units = await unitList(deps);
  const { unitId, covered } = resolveScope(actor, 'indicators.dashboard.read', units, f.unitId);
  const allDefs = (await deps.repos.indicators.definitions(deps.db)).filter((d) => d.active);
  const sets = [...new Set(allDefs.map((d) => d.indicatorSet))].sort();
  const defs = f.set ? allDefs.filter((d) => d.indicatorSet === f.set) : allDefs;
  // This year and last from one `year`-grouped query per indicator; the chosen one's trend from one more.
  const ctx = await computeContext(deps, allDefs, { yearSpan: { from: f.year - 1, to: f.year }, ...options });
  const trendCtx = { ...ctx, options: { ...ctx.options, yearSpan: { from: FIRST_YEAR, to: f.year } } };
  const targets = await deps.repos.indicators.targets(deps.db);
  const scope = (years: number[]) => ({ years, unitIds: covered });

  const figures: Figure[] = await Promise.all(
    defs.map(async (d) => {
      const [value, previous] = await Promise.all([
        computeValue(ctx, d, scope([f.year])),
        computeValue(ctx, d, scope([f.year - 1])),
      ]);
      const t = targetFor(targets, d.id, f.year, unitId);
      return {
        code: d.code,
        nameVi: d.nameVi,
        nameEn: d.nameEn,
        measure: d.measure,
        direction: d.direction,
        value,
        previous,
        target: t?.target ?? null,
        targetStatus: t?.status ?? null,
        met: isMet(d.direction, value, t?.target ?? null),
      };
    }),
  );

  const chosen = defs.find((d) => d.code === f.indicator) ?? defs[0];
  let trend: Array<{ year: number; value: number | null; target: number | null }> = [];
  let byUnit: Array<{ unitId: string; name: string; value: number; mergedInto: string | null }> = [];
  let byDay: { days: Array<{ code: string; name: string; value: number }>; other: number } | null = null;
  if (chosen) {
    trend = await Promise.all(
      yearsBetween(FIRST_YEAR, f.year).map(async (year) => ({
        year,
        value: await computeValue(trendCtx, chosen, scope([year])),
        target: targetFor(targets, chosen.id, year, unitId)?.target ?? null,
      })),
    );
    const names = new Map(units.map((u) => [u.id, u]));
    byUnit = [...(await computeByUnit(ctx, chosen, scope([f.year])))]
      .map(([id, value]) => ({
        unitId: id,
        name: names.get(id)?.name ?? id,
        value,
        mergedInto: names.get(names.get(id)?.mergedIntoId ?? '')?.name ?? null,
      }))
      .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'vi'));
    const dayRows = await computeBreakdown(ctx, chosen, scope([f.year]), 'commemorativeDay');
    const src = chosen.sourceKey ? ctx.sources.get(chosen.sourceKey) : undefined;
    if (src?.breakdowns.includes('commemorativeDay')) byDay = byCommemorativeDay(dayRows, COMMEMORATIVE_DAYS);
  }

  return {
    year: f.year,
    unitId,
    units: selectableUnits(actor, 'indicators.dashboard.read', units),
    set: f.set ?? null,
    sets,
    indicators: defs.map((d) => ({ code: d.code, nameVi: d.nameVi, nameEn: d.nameEn, measure: d.measure })),
    chosen: chosen
      ? { code: chosen.code, nameVi: chosen.nameVi, nameEn: chosen.nameEn, measure: chosen.measure }
      : null,
    figures,
    trend,
    byUnit,
    byDay,
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
