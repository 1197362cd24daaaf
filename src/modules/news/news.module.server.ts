// The news module: articles, campaigns, media products, feeds (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { newsLinksPort } from './index.server.ts';
import { mountNewsRoutes } from './news.http.server.ts';
import { newsIds } from './news.ids.server.ts';
import { newsIndicatorSources } from './news.indicators.server.ts';
import { runPublishDueJob } from './news.jobs.server.ts';
import { newsPersonalData } from './news.personal-data.server.ts';
import { newsPermissions } from './news.policies.ts';
import { createNewsRepository } from './news.repository.server.ts';
import { newsSitemap } from './news.sitemap.repository.server.ts';
import { NEWS_PUBLISH_JOB } from './news.usecases.server.ts';
import { createNewsCampaignsRepository } from './news-campaigns.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  news: createNewsRepository(),
  newsCampaigns: createNewsCampaignsRepository(),
});

export const feature: FeatureModule = {
  name: 'news',
  idPrefixes: newsIds.prefixes,
  tables: ['news_articles', 'news_campaigns', 'news_media_products'],
  repositories,
  permissions: newsPermissions,
  http: [mountNewsRoutes],
  jobLabels: { 'news.publish-due': 'portal.jobKind.newsPublishDue' },
  jobs: { [NEWS_PUBLISH_JOB]: runPublishDueJob },
  schedules: [{ kind: NEWS_PUBLISH_JOB, everyMinutes: 5 }],
  sitemap: [newsSitemap],
  publicPages: ['news/pages/list', 'news/pages/detail', 'news/pages/campaign'],
  nav: [{ path: '/admin/news', label: 'news.nav', action: 'news.article.read', group: 'content' }],
  publicNav: [{ path: '/news', label: 'news.publicNav', group: 'main' }],
  indicatorSources: newsIndicatorSources,
  personalData: newsPersonalData,
  planEvidence: {
    heading: 'news.plan.heading',
    forPlanInstances: async (deps, db, ids) =>
      (await newsLinksPort.forPlanInstances(deps, db, ids)).map((a) => ({
        id: a.id,
        href: `/admin/news/${a.id}`,
        text: a.title,
        note: { key: `news.status.${a.status}` as MessageKey },
      })),
  },
};
