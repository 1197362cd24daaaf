// Back office: download one generated document (any version) — a resource route.
import { data } from 'react-router';
import { downloadDocument } from '../../../modules/reports/reports.documents.server.ts';
import { requestContext } from '../../context.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/document.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const doc = await downloadDocument(deps, actor, params.documentId);
    if (!doc) throw data(null, { status: 404 });
    return new Response(new Uint8Array(doc.content), { headers: doc.headers });
  } catch (e) {
    rethrowForPage(e);
  }
}
