// Back office: one evidence file of a unit's report, for the unit, the focal point and the leadership.
import { evidenceDownload } from '../../../modules/reports/reports.evidence.server.ts';
import { requestContext } from '../../context.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/evidence-file.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return await evidenceDownload(deps, actor, params.period, params.unitId, params.evidenceId);
  } catch (e) {
    rethrowForPage(e);
  }
}
