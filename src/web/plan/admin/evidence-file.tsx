// Back office: downloads an evidence file. Private files are served only after the plan's policy check
// (the reader may read that unit's report); anything else answers 404 like a missing file.
import { data } from 'react-router';
import { fileResponse } from '../../../modules/files/files.http.server.ts';
import { evidenceForDownload } from '../../../modules/plan/work/evidence.usecases.server.ts';
import { IdSchema } from '../../../modules/plan/work/work.schemas.server.ts';
import { requestContext } from '../../context.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/evidence-file.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (!IdSchema.safeParse(params.instanceId).success || !IdSchema.safeParse(params.evidenceId).success)
    throw data(null, { status: 404 });
  try {
    const evidence = await evidenceForDownload(deps, actor, params.instanceId, params.evidenceId);
    const res = evidence.fileId ? await fileResponse(deps, evidence.fileId, 'original') : null;
    if (!res) throw data(null, { status: 404 });
    return res;
  } catch (e) {
    rethrowForPage(e);
  }
}
