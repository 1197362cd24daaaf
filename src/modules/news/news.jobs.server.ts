// The scheduled-publish job: run every five minutes by the job runner's schedule.
import type { JobHandler } from '../jobs/jobs.types.ts';
import { publishDueArticles } from './news.usecases.server.ts';

export const runPublishDueJob: JobHandler = async (deps) => {
  const ids = await publishDueArticles(deps);
  if (ids.length > 0) deps.logger.info({ ids }, 'news: scheduled articles published');
};
