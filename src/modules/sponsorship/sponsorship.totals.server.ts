// Sponsorship totals for other modules' pages (the plan's budget view): the value of donations received in
// a span of years, per year, per receiving unit and per source (organisation or person), over the units whose
// donations the actor may read. Read through `sponsorshipTotalsPort` (index.server.ts); no other module reads
// the donations table.
import { z } from '@hono/zod-openapi';
import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type { SponsorshipDeps } from './sponsorship.usecases.server.ts';
import type { SponsorKind } from './sponsorship.vocab.ts';

export const SponsorshipTotalsQuerySchema = z.strictObject({
  fromYear: z.number().int().min(2000).max(2100),
  toYear: z.number().int().min(2000).max(2100),
  /** A unit id or code: only that unit's donations. */
  unit: z.string().max(64).optional(),
});
export type SponsorshipTotalsQuery = z.infer<typeof SponsorshipTotalsQuerySchema>;

export interface SponsorshipTotals {
  total: number;
  donations: number;
  byYear: Array<{ year: number; value: number }>;
  byUnit: Array<{ unitId: string; unitName: string; value: number }>;
  bySource: Array<{ source: SponsorKind; value: number }>;
}

/** Null when the actor may not read the sponsorship register at all. */
export async function sponsorshipTotals(
  deps: Pick<SponsorshipDeps, 'db' | 'repos'>,
  actor: Actor,
  query: SponsorshipTotalsQuery,
): Promise<SponsorshipTotals | null> {
  const q = SponsorshipTotalsQuerySchema.parse(query);
  if (!can(actor, 'sponsorship.sponsor.list')) return null;
  const units = (await deps.repos.units.all(deps.db)).filter(
    (u) =>
      can(actor, 'sponsorship.donation.read', { unitId: u.id }) &&
      (q.unit === undefined || u.id === q.unit || u.code === q.unit),
  );
  const names = new Map(units.map((u) => [u.id, u.name]));
  const base = {
    from: `${Math.min(q.fromYear, q.toYear)}-01-01`,
    to: `${Math.max(q.fromYear, q.toYear) + 1}-01-01`,
    unitIds: units.map((u) => u.id),
  };
  const [byYear, byUnit, bySource, count] = await Promise.all([
    deps.repos.sponsorship.totals(deps.db, { ...base, what: 'value', by: 'year' }),
    deps.repos.sponsorship.totals(deps.db, { ...base, what: 'value', by: 'unit' }),
    deps.repos.sponsorship.totals(deps.db, { ...base, what: 'value', by: 'source' }),
    deps.repos.sponsorship.totals(deps.db, { ...base, what: 'count' }),
  ]);
  return {
    total: byYear.reduce((s, r) => s + r.value, 0),
    donations: count[0]?.value ?? 0,
    byYear: byYear.map((r) => ({ year: Number(r.key), value: r.value })),
    byUnit: byUnit
      .map((r) => ({ unitId: r.key ?? '', unitName: names.get(r.key ?? '') ?? '', value: r.value }))
      .sort((a, b) => b.value - a.value || a.unitName.localeCompare(b.unitName, 'vi')),
    bySource: bySource.map((r) => ({ source: r.key as SponsorKind, value: r.value })),
  };
}
