// The learner's record as xAPI JSON (a statement result), downloaded as a file.
import { unauthenticated } from '../../../lib/errors.ts';
import { currentLearner } from '../../../modules/learners/index.server.ts';
import { exportRecord } from '../../../modules/lrs/lrs-record.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/export.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const learner = await currentLearner(actor, request);
    if (!learner) throw unauthenticated();
    const body = await exportRecord(deps, learner);
    return new Response(JSON.stringify(body, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="ho-so-hoc-tap.xapi.json"',
        'cache-control': 'private, no-store',
        'x-experience-api-version': '1.0.3',
      },
    });
  } catch (e) {
    rethrowForPage(e);
  }
}
