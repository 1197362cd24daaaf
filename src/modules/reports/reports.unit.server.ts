// One unit's reporting, for the unit itself (issue 13 "per-unit reports"): every period with its submission's
// status, deadline and lateness, and its figures year by year — the figures frozen at acceptance where the
// yearly report was accepted (marked when the live value has moved since), else the live ones.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { notFound } from '../../lib/errors.ts';
import { canSeeUnit, indicatorsPort } from '../indicators/index.server.ts';
import { expectedUnits } from './reports.values.server.ts';

export interface UnitFigureCell {
  year: number;
  value: number | null;
  /** The yearly report was accepted: `value` is the frozen figure. */
  frozen: boolean;
  /** Frozen and the live value differs: the live value. */
  liveNow: number | null;
  changed: boolean;
}

export async function unitReporting(deps: AppDeps, actor: Actor, unitId: string) {
  if (!canSeeUnit(actor, 'reports.submission.read', unitId))
    authorize(actor, 'reports.submission.read', { unitId });
  const unit = (await expectedUnits(deps)).find((u) => u.id === unitId);
  if (!unit) throw notFound('unit');
  const periods = await deps.repos.reports.periods(deps.db);
  const today = isoDateInVietnam(deps.now());
  const subs = await Promise.all(periods.map((p) => deps.repos.reports.submission(deps.db, p.id, unitId)));
  const rows = periods.map((p, i) => {
    const s = subs[i];
    const status = s?.status ?? 'draft';
    return {
      period: p,
      status,
      late: today > p.deadline && status !== 'submitted' && status !== 'accepted',
      submittedAt: s?.submittedAt ?? null,
    };
  });
  // Yearly periods (one year each), oldest first, up to the current year.
  const yearly = rows
    .filter((r) => r.period.kind === 'annual' && r.period.yearFrom === r.period.yearTo)
    .filter((r) => r.period.yearFrom <= Number(today.slice(0, 4)))
    .sort((a, b) => a.period.yearFrom - b.period.yearFrom);
  const years = yearly.map((r) => r.period.yearFrom);
  const live = await indicatorsPort.valuesByYear(deps, { unitId, years });
  const defs = await indicatorsPort.activeDefinitions(deps);
  const frozenOf = new Map(
    yearly.map((r) => {
      const s = subs[rows.indexOf(r)];
      return [r.period.yearFrom, s?.status === 'accepted' ? (s.snapshot?.values ?? null) : null] as const;
    }),
  );
  const figures = defs.map((d) => ({
    code: d.code,
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    measure: d.measure,
    cells: years.map((year): UnitFigureCell => {
      const now = live.get(year)?.[d.code] ?? null;
      const frozenValues = frozenOf.get(year);
      if (!frozenValues) return { year, value: now, frozen: false, liveNow: null, changed: false };
      const was = frozenValues[d.code] ?? null;
      return { year, value: was, frozen: true, liveNow: now, changed: was !== now };
    }),
  }));
  return { unit: { id: unit.id, name: unit.name }, periods: rows, years, figures };
}

/** The reporting units whose page the actor reaches from the periods list: those of its own unit grants. */
export async function myReportingUnits(deps: AppDeps, actor: Actor) {
  const roots = new Set(scopeRoots(actor, 'reports.submission.read'));
  if (roots.size === 0) return [];
  return (await expectedUnits(deps)).filter((u) => roots.has(u.id)).map((u) => ({ id: u.id, name: u.name }));
}
