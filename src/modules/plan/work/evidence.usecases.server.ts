// Evidence on a unit's report: uploaded files (through the files module: content-sniffed type, size limit,
// zip-bomb checks, images re-encoded; stored private), web links and links to other records. Only the
// unit's own people add or remove it while the report is editable; private files are served only to those
// who may read the unit's report.
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { notFound } from '../../../lib/errors.ts';
import { deleteStoredFile, storeUploadedFile } from '../../files/files.usecases.server.ts';
import type { Evidence, NewEvidence } from './work.repository.server.ts';
import {
  actorRef,
  canReadUnitReport,
  EDITABLE_STATES,
  ensureReport,
  loadInstance,
  loadUnitPart,
  planError,
  type WorkDeps,
} from './work.rules.server.ts';

type EvidenceDeps = WorkDeps & Pick<AppDeps, 'config'>;

export interface EvidenceTarget {
  instanceId: string;
  unitId: string;
}

async function insertEvidence(
  deps: WorkDeps,
  actor: Actor,
  target: EvidenceTarget,
  evidence: NewEvidence,
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const part = await loadUnitPart(deps, tx, actor, target.instanceId, target.unitId, 'plan.report.update');
    const report = await ensureReport(deps, tx, part);
    if (!EDITABLE_STATES.has(report.state)) throw planError('report_locked', 409, 'planwork.error.locked');
    const id = await deps.repos.planWork.addEvidence(tx, report.id, evidence, actorRef(actor).actorId);
    await deps.repos.planWork.addEvent(tx, {
      instanceId: part.instance.id,
      reportId: report.id,
      unitId: part.unit.id,
      kind: 'evidence_added',
      comment: evidence.title,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.evidence.create',
      entityType: 'plan_evidence',
      entityId: id,
      unitId: part.unit.id,
      after: evidence,
    });
    return id;
  });
}

/** A web link or a link to another record of the platform. */
export function addLinkEvidence(
  deps: WorkDeps,
  actor: Actor,
  target: EvidenceTarget,
  evidence: Exclude<NewEvidence, { kind: 'file' }>,
): Promise<string> {
  return insertEvidence(deps, actor, target, evidence);
}

/**
 * An uploaded file (already streamed to `tempPath`). The policy is checked before anything is stored; the
 * file module then validates and stores it (or throws and keeps nothing); if recording the evidence fails
 * afterwards, the stored file is deleted again. The temp file is always removed.
 */
export async function addFileEvidence(
  deps: EvidenceDeps,
  actor: Actor,
  target: EvidenceTarget,
  upload: { tempPath: string; fileName: string; title?: string | undefined },
): Promise<string> {
  try {
    await deps.db.transaction(async (tx) => {
      const part = await loadUnitPart(
        deps,
        tx,
        actor,
        target.instanceId,
        target.unitId,
        'plan.report.update',
      );
      if (part.report && !EDITABLE_STATES.has(part.report.state))
        throw planError('report_locked', 409, 'planwork.error.locked');
    });
  } catch (e) {
    await rm(upload.tempPath, { force: true }).catch(() => undefined);
    throw e;
  }
  const file = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'evidence',
    visibility: 'private',
    unitId: target.unitId,
  });
  try {
    return await insertEvidence(deps, actor, target, {
      kind: 'file',
      title: upload.title?.trim() || file.originalName,
      fileId: file.id,
    });
  } catch (e) {
    await deleteStoredFile(deps, file.id).catch(() => undefined);
    throw e;
  }
}

export async function removeEvidence(
  deps: EvidenceDeps,
  actor: Actor,
  target: EvidenceTarget & { evidenceId: string },
): Promise<void> {
  const fileId = await deps.db.transaction(async (tx) => {
    const part = await loadUnitPart(deps, tx, actor, target.instanceId, target.unitId, 'plan.report.update');
    const evidence = await deps.repos.planWork.getEvidence(tx, target.evidenceId);
    if (!evidence || !part.report || evidence.reportId !== part.report.id) throw notFound('plan.evidence');
    if (!EDITABLE_STATES.has(part.report.state))
      throw planError('report_locked', 409, 'planwork.error.locked');
    await deps.repos.planWork.deleteEvidence(tx, evidence.id);
    await deps.repos.planWork.addEvent(tx, {
      instanceId: part.instance.id,
      reportId: part.report.id,
      unitId: part.unit.id,
      kind: 'evidence_removed',
      comment: evidence.title,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.evidence.delete',
      entityType: 'plan_evidence',
      entityId: evidence.id,
      unitId: part.unit.id,
      before: evidence,
    });
    return evidence.fileId;
  });
  if (fileId) await deleteStoredFile(deps, fileId).catch(() => undefined);
}

/** The evidence whose file the actor asks for, if they may read its unit's report (otherwise 404). */
export async function evidenceForDownload(
  deps: WorkDeps,
  actor: Actor,
  instanceId: string,
  evidenceId: string,
): Promise<Evidence> {
  const loaded = await loadInstance(deps, actor, instanceId);
  const evidence = await deps.repos.planWork.getEvidence(deps.db, evidenceId);
  if (!evidence?.fileId) throw notFound('plan.evidence');
  const report = await deps.repos.planWork.getReportById(deps.db, evidence.reportId);
  if (!report || report.instanceId !== loaded.instance.id || !canReadUnitReport(actor, report.unitId))
    throw notFound('plan.evidence');
  return evidence;
}
