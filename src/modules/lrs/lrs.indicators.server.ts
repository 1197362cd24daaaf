// Indicator sources of the LRS (issue 13): learning hours recorded and active learners, from this module's
// own statements only, by unit, commune or category.
import type { IndicatorSource } from '../../app/module.ts';

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
  source('lrs.activeLearners', 'learners'),
];
