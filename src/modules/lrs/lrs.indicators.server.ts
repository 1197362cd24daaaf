// Indicator sources of the LRS (issue 13): learning hours recorded and active learners, from this module's
// own statements only, by unit, commune or category.
import { sql } from 'drizzle-orm';
import type { IndicatorSource } from '../../app/module.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

const BY = { unit: 'unit', commune: 'commune', category: 'category' } as const;

const source = (key: string, what: 'hours' | 'learners'): IndicatorSource => ({
  key,
  label: what === 'hours' ? 'lrs.indicator.hours' : 'lrs.indicator.learners',
  measure: what === 'hours' ? 'hours' : 'people',
  breakdowns: ['unit', 'commune', 'category'],
  async compute(deps, q) {
    const by = q.breakdown ? BY[q.breakdown as keyof typeof BY] : undefined;
    const rows = await deps.repos.lrsRecord.indicator(deps.db, what, {
      from: q.from,
      to: q.to,
      unitIds: q.unitIds,
      by,
    });
    return rows.map((r) => (by ? { key: r.key, value: r.value } : { value: r.value }));
  },
});

export const lrsIndicatorSources: IndicatorSource[] = [
  source('lrs.learningHours', 'hours'),
  {
    ...source('lrs.activeLearners', 'learners'),
    // The learners whose (unvoided) statements fall in the period, for the equity view.
    async participants(deps, q) {
      const units = q.unitIds ? sql` AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const rows = await queryRows<{ id: string }>(
        deps.db,
        sql`SELECT DISTINCT learner_id AS id FROM lrs_statements
             WHERE learner_id IS NOT NULL AND NOT voided
               AND "timestamp" >= ${q.from} AND "timestamp" < ${q.to}${units}`,
      );
      return rows.map((r) => r.id);
    },
  },
];
