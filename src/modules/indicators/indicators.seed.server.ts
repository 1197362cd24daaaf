// Reference seed of the starter indicators and their national targets (idempotent: adds what is missing, never
// overwrites the focal point's edits).
import type { AppDeps } from '../../app/deps.types.ts';
import { SEED_INDICATORS } from './indicators.seed-data.ts';

export async function seedIndicators(deps: Pick<AppDeps, 'db' | 'repos'>): Promise<void> {
  const repo = deps.repos.indicators;
  await deps.db.transaction(async (tx) => {
    let position = 0;
    for (const s of SEED_INDICATORS) {
      position += 10;
      await repo.insertDefinition(tx, {
        code: s.code,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        measure: s.measure,
        direction: s.direction,
        aggregation: s.aggregation,
        sourceKind: s.sourceKind,
        sourceKey: s.sourceKey ?? null,
        numeratorCode: s.numerator ?? null,
        denominatorCode: s.denominator ?? null,
        breakdowns: s.breakdowns,
        indicatorSet: s.set,
        citation: s.citation,
        status: s.status,
        active: true,
        position,
      });
      const def = await repo.definition(tx, s.code);
      if (!def) continue;
      for (const t of s.targets ?? []) {
        await repo.insertTargetIfMissing(tx, {
          indicatorId: def.id,
          year: t.year,
          unitId: null,
          target: t.target,
          status: t.status,
          citation: s.citation,
        });
      }
    }
  });
}
