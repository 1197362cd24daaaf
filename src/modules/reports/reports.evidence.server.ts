// Evidence files for a unit's manual indicator values (issue 13). The files module checks each upload by its
// content (PDF, office documents, pictures; the `evidence` kind) and keeps it private; this module keeps which
// submission and indicator it proves, lets the unit (while its report is editable) add them, and serves them to
// the unit and to the focal point and leadership only. The report annex lists them.
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { fileResponse } from '../files/files.http.server.ts';
import { storeUploadedFile } from '../files/files.usecases.server.ts';
import { canSeeUnit, indicatorsPort } from '../indicators/index.server.ts';
import { newId } from './reports.ids.server.ts';
import { expectedUnits } from './reports.values.server.ts';

export interface EvidenceFile {
  id: string;
  submissionId: string;
  indicatorCode: string;
  fileId: string;
  fileName: string;
  uploadedAt: Date;
}

const COLUMNS = sql`id, submission_id AS "submissionId", indicator_code AS "indicatorCode", file_id AS "fileId",
  file_name AS "fileName", uploaded_at AS "uploadedAt"`;

/** The evidence files of these submissions, oldest first. */
export async function evidenceOf(db: Db, submissionIds: readonly string[]): Promise<EvidenceFile[]> {
  if (!submissionIds.length) return [];
  return queryRows<EvidenceFile>(
    db,
    sql`SELECT ${COLUMNS} FROM report_evidence_files
         WHERE submission_id IN (${sql.join(
           submissionIds.map((id) => sql`${id}`),
           sql`, `,
         )})
         ORDER BY uploaded_at, id`,
  );
}

async function periodAndUnit(deps: AppDeps, idOrCode: string, unitId: string) {
  const period = await deps.repos.reports.period(deps.db, idOrCode);
  if (!period) throw notFound('report_period');
  if (!(await expectedUnits(deps)).some((u) => u.id === unitId)) throw notFound('unit');
  return period;
}

/** Adds an evidence file to the unit's submission for one manual indicator; the temp file is always consumed. */
export async function addEvidenceFile(
  deps: AppDeps,
  actor: Actor,
  idOrCode: string,
  unitId: string,
  upload: { tempPath: string; fileName: string; indicatorCode: string },
): Promise<string> {
  let submissionId: string;
  try {
    authorize(actor, 'reports.submission.edit', { unitId });
    const period = await periodAndUnit(deps, idOrCode, unitId);
    const manual = await indicatorsPort.manualDefinitions(deps);
    if (!manual.some((d) => d.code === upload.indicatorCode))
      throw new AppError('reports.submission.indicator', 422, 'reports.error.unknownIndicator');
    await deps.repos.reports.ensureSubmission(deps.db, period.id, unitId);
    const s = await deps.repos.reports.submission(deps.db, period.id, unitId);
    if (!s || s.status === 'submitted' || s.status === 'accepted')
      throw new AppError('reports.submission.state', 409, 'reports.error.state');
    submissionId = s.id;
  } catch (e) {
    await rm(upload.tempPath, { force: true });
    throw e;
  }
  const stored = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'evidence',
    visibility: 'private',
    unitId,
  });
  const id = newId('rev');
  await deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO report_evidence_files (id, submission_id, indicator_code, file_id, file_sha256, file_name,
                                             uploaded_by)
          VALUES (${id}, ${submissionId}, ${upload.indicatorCode}, ${stored.id}, ${stored.sha256},
                  ${stored.originalName.slice(0, 255)}, ${actor.kind === 'user' ? actor.userId : null})
          ON CONFLICT (submission_id, indicator_code, file_sha256) DO NOTHING`,
    );
    await deps.audit.record(tx, actor, {
      action: 'reports.evidence.add',
      entityType: 'report_submission',
      entityId: submissionId,
      unitId,
      after: { indicatorCode: upload.indicatorCode, fileId: stored.id, fileName: stored.originalName },
    });
  });
  return id;
}

/** One evidence file's download, for the unit (its subtree), the focal point and the leadership. */
export async function evidenceDownload(
  deps: AppDeps,
  actor: Actor,
  idOrCode: string,
  unitId: string,
  evidenceId: string,
): Promise<Response> {
  if (!canSeeUnit(actor, 'reports.submission.read', unitId))
    authorize(actor, 'reports.submission.read', { unitId });
  const period = await periodAndUnit(deps, idOrCode, unitId);
  const s = await deps.repos.reports.submission(deps.db, period.id, unitId);
  const f = s ? (await evidenceOf(deps.db, [s.id])).find((e) => e.id === evidenceId) : undefined;
  const res = f ? await fileResponse(deps, f.fileId) : null;
  if (!res) throw notFound('file');
  return res;
}
