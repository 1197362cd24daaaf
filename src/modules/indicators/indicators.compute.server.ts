// Computes indicator values from the definitions: a module's named computation (indicator source), the values
// units entered, or the ratio of two indicators. `years` is the period (one year, or 2023–2025 for the sơ kết);
// the aggregation says how the years combine (sum/distinct over the whole period in one query, the latest year,
// the average of the years); across units, additive indicators are summed and the others averaged.
// Speed (issue 13 benchmark): within one computation every source answer is asked once (memo); a dashboard's
// single years come from one `year`-grouped query per indicator, a report's units from one `unit`-grouped query
// rolled up over the unit tree (unit-additive sources). `direct` keeps the one-query-per-question path, the
// reference the grouped path is tested against (indicators.grouped.int.test.ts).
import type { AppDeps } from '../../app/deps.types.ts';
import type { IndicatorBreakdown, IndicatorQuery, IndicatorRow, IndicatorSource } from '../../app/module.ts';
import type { IndicatorDefinition, ManualValue } from './indicators.repository.server.ts';
import { yearsBetween, yearWindow } from './indicators.scope.ts';
import { isAdditive } from './indicators.vocab.ts';

export interface ComputeScope {
  years: readonly number[];
  /** Recorded units covered (already expanded); absent = the whole province. */
  unitIds?: readonly string[] | undefined;
}

export interface ComputeOptions {
  /**
   * One source call per question from the raw rows (the original path, kept as the reference the grouped path
   * is tested against and as the benchmark's baseline).
   */
  direct?: boolean | undefined;
  /** The years the caller will ask about one by one: answered by one `year`-grouped query per indicator. */
  yearSpan?: { from: number; to: number } | undefined;
  /** Many units asked at once (a report): unit-additive sources answer from one `unit`-grouped query. */
  rollupUnits?: boolean | undefined;
}

export interface ComputeContext {
  deps: AppDeps;
  byCode: ReadonlyMap<string, IndicatorDefinition>;
  sources: ReadonlyMap<string, IndicatorSource>;
  options: ComputeOptions;
  /** Source answers and manual values already asked for in this computation (one request, one report). */
  memo: Map<string, Promise<IndicatorRow[]>>;
  manualMemo: Map<string, Promise<ManualValue[]>>;
}

export async function computeContext(
  deps: AppDeps,
  defs: readonly IndicatorDefinition[],
  options: ComputeOptions = {},
): Promise<ComputeContext> {
  // Imported when used: the registries import every module descriptor, this one included.
  const { indicatorSources } = await import('../../app/registries.server.ts');
  return {
    deps,
    byCode: new Map(defs.map((d) => [d.code, d])),
    sources: indicatorSources,
    options,
    memo: new Map(),
    manualMemo: new Map(),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
const sumRows = (rows: readonly IndicatorRow[]) => rows.reduce((s, r) => s + r.value, 0);

function cached(ctx: ComputeContext, src: IndicatorSource, q: IndicatorQuery): Promise<IndicatorRow[]> {
  const k = [
    src.key,
    q.from.toISOString(),
    q.to.toISOString(),
    q.unitIds ? q.unitIds.join(',') : '*',
    q.breakdown ?? '',
  ].join('|');
  let p = ctx.memo.get(k);
  if (!p) {
    p = src.compute(ctx.deps, q);
    ctx.memo.set(k, p);
  }
  return p;
}

async function sourceCall(
  ctx: ComputeContext,
  def: IndicatorDefinition,
  years: readonly number[],
  scope: ComputeScope,
  breakdown?: IndicatorBreakdown,
): Promise<IndicatorRow[]> {
  const src = def.sourceKey ? ctx.sources.get(def.sourceKey) : undefined;
  if (!src || years.length === 0) return [];
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const window = { from: yearWindow(first).from, to: yearWindow(last).to };
  const o = ctx.options;
  if (o.direct) {
    return src.compute(ctx.deps, {
      ...window,
      ...(scope.unitIds ? { unitIds: scope.unitIds } : {}),
      ...(breakdown ? { breakdown } : {}),
      direct: true,
    });
  }
  // Many units: one `unit`-grouped query for every unit, each unit's value the sum of its covered units' rows.
  if (
    o.rollupUnits &&
    scope.unitIds &&
    src.unitAdditive &&
    src.breakdowns.includes('unit') &&
    (breakdown === undefined || breakdown === 'unit')
  ) {
    const covered = new Set(scope.unitIds);
    const kept = (await cached(ctx, src, { ...window, breakdown: 'unit' })).filter(
      (r) => r.key !== null && r.key !== undefined && covered.has(r.key),
    );
    if (breakdown === 'unit') return kept;
    return kept.length > 0 ? [{ value: sumRows(kept) }] : [];
  }
  // One year of a span: one `year`-grouped query over the span, shared by every year asked for.
  const span = o.yearSpan;
  if (
    span &&
    breakdown === undefined &&
    first === last &&
    first >= span.from &&
    first <= span.to &&
    src.breakdowns.includes('year')
  ) {
    const rows = await cached(ctx, src, {
      from: yearWindow(span.from).from,
      to: yearWindow(span.to).to,
      ...(scope.unitIds ? { unitIds: scope.unitIds } : {}),
      breakdown: 'year',
    });
    const row = rows.find((r) => r.key === String(first));
    return row ? [{ value: row.value }] : [];
  }
  return cached(ctx, src, {
    ...window,
    ...(scope.unitIds ? { unitIds: scope.unitIds } : {}),
    ...(breakdown ? { breakdown } : {}),
  });
}

/** Rows keyed by `breakdown` (or one total row), combined over the years by the aggregation. */
async function computedRows(
  ctx: ComputeContext,
  def: IndicatorDefinition,
  scope: ComputeScope,
  breakdown?: IndicatorBreakdown,
): Promise<Map<string, number>> {
  const years = scope.years;
  const perYear: IndicatorRow[][] =
    def.aggregation === 'latest'
      ? [await sourceCall(ctx, def, years.slice(-1), scope, breakdown)]
      : def.aggregation === 'average'
        ? await Promise.all(years.map((y) => sourceCall(ctx, def, [y], scope, breakdown)))
        : [await sourceCall(ctx, def, years, scope, breakdown)];
  const acc = new Map<string, number>();
  for (const rows of perYear) {
    for (const r of rows) {
      const k = r.key ?? '';
      acc.set(k, (acc.get(k) ?? 0) + r.value);
    }
  }
  if (def.aggregation === 'average' && perYear.length > 0) {
    for (const [k, v] of acc) acc.set(k, round(v / perYear.length));
  }
  return acc;
}

/**
 * The values units entered for the indicator over the years. Unless direct: every entered indicator's values
 * for the whole year span in one query per computation, then filtered by indicator, year and units.
 */
async function manualRows(ctx: ComputeContext, def: IndicatorDefinition, scope: ComputeScope) {
  const repo = ctx.deps.repos.indicators;
  if (ctx.options.direct) return repo.manualValues(ctx.deps.db, [def.id], scope.years, scope.unitIds);
  const span = ctx.options.yearSpan;
  const years =
    span && scope.years.every((y) => y >= span.from && y <= span.to)
      ? yearsBetween(span.from, span.to)
      : scope.years;
  const ids = [...ctx.byCode.values()].filter((d) => d.sourceKind === 'manual').map((d) => d.id);
  const known = ids.includes(def.id);
  const k = `${years.join(',')}${known ? '' : `|${def.id}`}`;
  let p = ctx.manualMemo.get(k);
  if (!p) {
    p = repo.manualValues(ctx.deps.db, known ? ids : [def.id], years);
    ctx.manualMemo.set(k, p);
  }
  const wanted = new Set(scope.years);
  const covered = scope.unitIds ? new Set(scope.unitIds) : null;
  return (await p).filter(
    (r) => r.indicatorId === def.id && wanted.has(r.year) && (!covered || covered.has(r.unitId)),
  );
}

/** Manual values per unit, combined over the years by the aggregation. */
async function manualByUnit(ctx: ComputeContext, def: IndicatorDefinition, scope: ComputeScope) {
  const rows = await manualRows(ctx, def, scope);
  const perUnit = new Map<string, Array<{ year: number; value: number }>>();
  for (const r of rows)
    perUnit.set(r.unitId, [...(perUnit.get(r.unitId) ?? []), { year: r.year, value: r.value }]);
  const out = new Map<string, number>();
  for (const [unit, list] of perUnit) {
    list.sort((a, b) => a.year - b.year);
    if (def.aggregation === 'latest') out.set(unit, (list[list.length - 1] as { value: number }).value);
    else if (def.aggregation === 'average')
      out.set(unit, round(list.reduce((s, x) => s + x.value, 0) / list.length));
    else
      out.set(
        unit,
        list.reduce((s, x) => s + x.value, 0),
      );
  }
  return out;
}

function combineUnits(def: IndicatorDefinition, values: Iterable<number>): number | null {
  const list = [...values];
  if (list.length === 0) return def.sourceKind === 'manual' ? null : 0;
  const sum = list.reduce((s, v) => s + v, 0);
  return isAdditive(def.aggregation, def.measure) ? round(sum) : round(sum / list.length);
}

function ratio(num: number | null | undefined, den: number | null | undefined): number | null {
  if (num === null || num === undefined || !den) return null;
  return round((num / den) * 100);
}

/** The indicator's value over the scope; null when nothing was entered (manual) or the ratio is undefined. */
export async function computeValue(
  ctx: ComputeContext,
  def: IndicatorDefinition,
  scope: ComputeScope,
  depth = 0,
): Promise<number | null> {
  if (def.sourceKind === 'computed') return round(sumRowsMap(await computedRows(ctx, def, scope)));
  if (def.sourceKind === 'manual') return combineUnits(def, (await manualByUnit(ctx, def, scope)).values());
  const num = def.numeratorCode ? ctx.byCode.get(def.numeratorCode) : undefined;
  const den = def.denominatorCode ? ctx.byCode.get(def.denominatorCode) : undefined;
  if (!num || !den || depth > 3 || num.sourceKind === 'ratio' || den.sourceKind === 'ratio') return null;
  return ratio(
    await computeValue(ctx, num, scope, depth + 1),
    await computeValue(ctx, den, scope, depth + 1),
  );
}

function sumRowsMap(m: Map<string, number>): number {
  return sumRows([...m.values()].map((value) => ({ value })));
}

/** The indicator's value per recorded unit (units with nothing recorded are absent). */
export async function computeByUnit(
  ctx: ComputeContext,
  def: IndicatorDefinition,
  scope: ComputeScope,
): Promise<Map<string, number>> {
  if (def.sourceKind === 'computed') {
    const src = def.sourceKey ? ctx.sources.get(def.sourceKey) : undefined;
    if (!src?.breakdowns.includes('unit')) return new Map();
    return computedRows(ctx, def, scope, 'unit');
  }
  if (def.sourceKind === 'manual') return manualByUnit(ctx, def, scope);
  const num = def.numeratorCode ? ctx.byCode.get(def.numeratorCode) : undefined;
  const den = def.denominatorCode ? ctx.byCode.get(def.denominatorCode) : undefined;
  if (!num || !den || num.sourceKind === 'ratio' || den.sourceKind === 'ratio') return new Map();
  const [n, d] = await Promise.all([computeByUnit(ctx, num, scope), computeByUnit(ctx, den, scope)]);
  const out = new Map<string, number>();
  for (const [unit, dv] of d) {
    const r = ratio(n.get(unit) ?? 0, dv);
    if (r !== null) out.set(unit, r);
  }
  return out;
}

/** Rows by another breakdown the source offers (category, commemorative day as MM-DD, place kind). */
export async function computeBreakdown(
  ctx: ComputeContext,
  def: IndicatorDefinition,
  scope: ComputeScope,
  breakdown: IndicatorBreakdown,
): Promise<Map<string, number>> {
  const src = def.sourceKind === 'computed' && def.sourceKey ? ctx.sources.get(def.sourceKey) : undefined;
  if (!src?.breakdowns.includes(breakdown)) return new Map();
  return computedRows(ctx, def, scope, breakdown);
}
