// The news module's public surface: what other modules and their pages may use.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

/** Read port: articles linked to plan task instances (the plan's instance page lists them as evidence). */
export const newsLinksPort = {
  forPlanInstances: async (deps: Repos, db: Db, instanceIds: readonly string[]) =>
    (await deps.repos.news.forPlanInstances(db, instanceIds)).map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      publishedAt: a.publishedAt,
      planInstanceIds: a.planInstanceIds,
    })),
};
