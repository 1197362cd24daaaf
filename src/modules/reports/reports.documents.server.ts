// Reading generated documents and the progress of a generation (permission per the report's unit).
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { notFound } from '../../lib/errors.ts';

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export async function generationStatus(deps: AppDeps, actor: Actor, id: string) {
  const g = await deps.repos.reports.generation(deps.db, id);
  if (!g) throw notFound('report_generation');
  authorize(actor, 'reports.document.read');
  const docs = (await deps.repos.reports.documents(deps.db, g.periodId)).filter(
    (d) => d.generationId === g.id,
  );
  return { ...g, documents: docs };
}

export async function downloadDocument(deps: AppDeps, actor: Actor, id: string) {
  const d = await deps.repos.reports.document(deps.db, id);
  if (!d) return undefined;
  authorize(actor, 'reports.document.read');
  const name = d.fileName.replace(/\.(\w+)$/, `-v${d.version}.$1`);
  return {
    content: d.content,
    headers: {
      'content-type': MIME[d.format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'x-checksum-sha256': d.checksum,
    },
  };
}
