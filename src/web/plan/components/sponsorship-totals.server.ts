// The sponsorship totals the budget view shows beside the estimates (xã hội hóa actually received), read
// through the sponsorship module's port for the budget page's own filters: the chosen year (else the whole
// programme), the chosen unit; hidden when the page is filtered to another budget source.
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { formatVnd } from '../../../lib/money.ts';
import type { BudgetSource } from '../../../modules/plan/budget/budget.vocab.ts';
import { PROGRAM_YEARS } from '../../../modules/plan/plan.model.ts';
import { sponsorshipTotalsPort } from '../../../modules/sponsorship/index.server.ts';

export async function sponsorshipTotalsView(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  f: { year?: number | undefined; unit?: string | undefined; source?: BudgetSource | undefined },
) {
  if (f.source && f.source !== 'xa_hoi_hoa') return null;
  const t = await sponsorshipTotalsPort.totals(deps, actor, {
    fromYear: f.year ?? PROGRAM_YEARS.from,
    toYear: f.year ?? PROGRAM_YEARS.to,
    unit: f.unit,
  });
  if (!t) return null;
  return {
    year: f.year ?? null,
    total: formatVnd(t.total),
    donations: t.donations,
    byYear: t.byYear.map((r) => ({ id: String(r.year), label: String(r.year), value: formatVnd(r.value) })),
    byUnit: t.byUnit.map((r) => ({ id: r.unitId, label: r.unitName, value: formatVnd(r.value) })),
    bySource: t.bySource.map((r) => ({ id: r.source, source: r.source, value: formatVnd(r.value) })),
  };
}

export type SponsorshipTotalsViewData = NonNullable<Awaited<ReturnType<typeof sponsorshipTotalsView>>>;
