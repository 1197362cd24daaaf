// What the news module contributes to the indicators module: articles published and the reach of media
// products in a period, in total or per unit (articles also per category). Reads only this module's tables.
import type { IndicatorQuery, IndicatorRow, IndicatorSource } from '../../app/module.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';

export const newsIndicatorSources: IndicatorSource[] = [
  {
    key: 'news.articles_published',
    label: 'news.indicator.articles',
    measure: 'items',
    breakdowns: ['unit', 'category'],
    async compute(deps, q: IndicatorQuery): Promise<IndicatorRow[]> {
      const by = q.breakdown === 'unit' ? 'unit' : q.breakdown === 'category' ? 'category' : undefined;
      const rows = await deps.repos.news.countPublished(deps.db, {
        from: q.from,
        to: q.to,
        unitIds: q.unitIds,
        ...(by ? { by } : {}),
      });
      return by ? rows : [{ value: rows.reduce((s, r) => s + r.value, 0) }];
    },
  },
  {
    key: 'news.media_reach',
    label: 'news.indicator.reach',
    measure: 'people',
    breakdowns: ['unit'],
    async compute(deps, q: IndicatorQuery): Promise<IndicatorRow[]> {
      const rows = await deps.repos.newsCampaigns.reach(deps.db, {
        from: isoDateInVietnam(q.from),
        to: isoDateInVietnam(q.to),
        unitIds: q.unitIds,
        byUnit: q.breakdown === 'unit',
      });
      return q.breakdown === 'unit' ? rows : [{ value: rows.reduce((s, r) => s + r.value, 0) }];
    },
  },
];
