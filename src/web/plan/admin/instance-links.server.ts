// Records other registers link to a plan task instance (its evidence from news, guidance, training, sponsorship,
// cooperation, inspections and commendations), read at once rather than one register after another.
import type { AppDeps } from '../../../app/deps.types.ts';
import { commendationsLinksPort } from '../../../modules/commendations/index.server.ts';
import { cooperationLinksPort } from '../../../modules/cooperation/index.server.ts';
import { guidanceLinksPort } from '../../../modules/guidance/index.server.ts';
import { inspectionsLinksPort } from '../../../modules/inspections/index.server.ts';
import { newsLinksPort } from '../../../modules/news/index.server.ts';
import { sponsorshipLinksPort } from '../../../modules/sponsorship/index.server.ts';
import { trainingLinksPort } from '../../../modules/training/index.server.ts';

export async function linkedRecords(deps: AppDeps, instanceId: string) {
  const ids = [instanceId];
  const [articles, guidance, training, donations, cooperation, inspections, commendations] =
    await Promise.all([
      newsLinksPort.forPlanInstances(deps, deps.db, ids),
      guidanceLinksPort.forPlanInstances(deps, deps.db, ids),
      trainingLinksPort.forPlanInstances(deps, deps.db, ids),
      sponsorshipLinksPort.forPlanInstances(deps, deps.db, ids),
      cooperationLinksPort.forPlanInstances(deps, deps.db, ids),
      inspectionsLinksPort.forPlanInstances(deps, deps.db, ids),
      commendationsLinksPort.forPlanInstances(deps, deps.db, ids),
    ]);
  return {
    linkedArticles: articles.map((a) => ({ id: a.id, title: a.title, status: a.status })),
    linkedGuidance: guidance,
    linkedTraining: training,
    linkedDonations: donations,
    linkedCooperation: cooperation,
    linkedInspections: inspections,
    linkedCommendations: commendations,
  };
}
