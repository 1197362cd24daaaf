// Supporting evidence of a nomination as uploaded files: a PDF, a DOCX or a picture, checked by content by
// the files module (as training certificates are) and kept private to the nominating unit; downloaded only by
// staff who may read the nomination. Files are added or removed while the nomination is still open (until it
// is decided or declined); every change is audited.
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorizeEdit, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { deleteStoredFile, storeUploadedFile } from '../files/files.usecases.server.ts';
import type { NominationRecord } from './commendations.repository.server.ts';

export type EvidenceDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config' | 'logger'>;

/** At most this many files per nomination (a dossier, not an archive). */
export const MAX_EVIDENCE_FILES = 20;

async function openNomination(deps: EvidenceDeps, actor: Actor, nominationId: string) {
  const n = await deps.repos.commendations.byId(deps.db, nominationId);
  if (!n) throw notFound('commendations.nomination');
  authorizeEdit(
    actor,
    'commendations.nomination.update',
    n.unitId,
    can(actor, 'commendations.nomination.read', { unitId: n.unitId }),
    'commendations.nomination',
  );
  if (n.status !== 'nominated' && n.status !== 'review')
    throw new AppError('commendations.closed', 409, 'commendations.error.state');
  return n;
}

export async function addEvidence(
  deps: EvidenceDeps,
  actor: Actor,
  nominationId: string,
  upload: { tempPath: string; fileName: string; caption: string },
): Promise<string> {
  let n: NominationRecord;
  try {
    n = await openNomination(deps, actor, nominationId);
    if ((await deps.repos.commendations.evidenceOf(deps.db, nominationId)).length >= MAX_EVIDENCE_FILES)
      throw new AppError('commendations.evidence_full', 422, 'commendations.error.evidenceFull', {
        params: { max: MAX_EVIDENCE_FILES },
      });
  } catch (e) {
    await rm(upload.tempPath, { force: true });
    throw e;
  }
  const stored = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'evidence',
    visibility: 'private',
    unitId: n.unitId,
  });
  const caption = upload.caption.replace(/\s+/g, ' ').trim().slice(0, 300);
  const fileName =
    upload.fileName
      .replace(/[\r\n\t]/g, ' ')
      .trim()
      .slice(0, 255) || stored.id;
  return deps.db.transaction(async (tx) => {
    const eid = await deps.repos.commendations.insertEvidence(
      tx,
      { nominationId, fileId: stored.id, fileName, caption },
      actor.kind === 'user' ? actor.userId : null,
    );
    await deps.audit.record(tx, actor, {
      action: 'commendations.evidence.add',
      entityType: 'comm_nomination',
      entityId: nominationId,
      unitId: n.unitId,
      before: null,
      after: { evidenceId: eid, fileId: stored.id, fileName, caption },
    });
    return eid;
  });
}

export async function removeEvidence(
  deps: EvidenceDeps,
  actor: Actor,
  nominationId: string,
  evidenceId: string,
) {
  const n = await openNomination(deps, actor, nominationId);
  const fileId = await deps.db.transaction(async (tx) => {
    const gone = await deps.repos.commendations.deleteEvidence(tx, nominationId, evidenceId);
    if (!gone) throw notFound('commendations.evidence');
    await deps.audit.record(tx, actor, {
      action: 'commendations.evidence.remove',
      entityType: 'comm_nomination',
      entityId: nominationId,
      unitId: n.unitId,
      before: { evidenceId, fileId: gone },
      after: null,
    });
    return gone;
  });
  await deleteStoredFile(deps, fileId).catch(() => undefined);
}

/** The nomination's evidence files, to staff who may read the nomination (404 otherwise, as for the nomination). */
export async function listEvidence(deps: Pick<AppDeps, 'db' | 'repos'>, actor: Actor, nominationId: string) {
  const n = await deps.repos.commendations.byId(deps.db, nominationId);
  if (!n || !can(actor, 'commendations.nomination.read', { unitId: n.unitId }))
    throw notFound('commendations.nomination');
  return deps.repos.commendations.evidenceOf(deps.db, nominationId);
}

/** The stored file behind one evidence item, if the actor may read the nomination. */
export async function evidenceFileId(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  nominationId: string,
  evidenceId: string,
) {
  const items = await listEvidence(deps, actor, nominationId);
  const item = items.find((e) => e.id === evidenceId);
  if (!item) throw notFound('commendations.evidence');
  return item.fileId;
}
