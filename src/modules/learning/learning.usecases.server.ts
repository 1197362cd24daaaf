// Learning paths in the back office: create and edit a path of the actor's units, add, move and remove its
// steps (rich text sanitised, references checked through their modules' ports, quizzes parsed), publish or
// withdraw it. Every write is audited in its transaction and bumps the path's version (stale forms → 409).
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { checkVersion } from '../../lib/versions.server.ts';
import { authorizeAnywhere, visibleUnits } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import { eventsPort } from '../events/index.server.ts';
import { exhibitionsPort } from '../exhibitions/index.server.ts';
import { deleteStoredFile, storeUploadedFile } from '../files/files.usecases.server.ts';
import { newId } from './learning.ids.server.ts';
import { parseQuizText } from './learning.quiz.ts';
import type { PathRow, StepRow, StepValues } from './learning.repository.server.ts';
import { sanitizeRichText } from './learning.sanitize.server.ts';
import type { ImageStepText, PathInput, PathUpdate, StepInput } from './learning.schemas.server.ts';
import type { PublishStatus } from './learning.vocab.ts';

export type LearningDeps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'audit' | 'now' | 'config' | 'logger'>;

const userId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export async function listManagedPaths(deps: LearningDeps, actor: Actor): Promise<PathRow[]> {
  authorize(actor, 'learning.path.list');
  const units = visibleUnits(actor, 'learning.path.update', await unitTree(deps));
  return deps.repos.learningPaths.listForUnits(deps.db, units, 200);
}

/** A path and its steps for editing: 404 when absent, 403 when the actor does not keep its unit. */
export async function pathForEdit(deps: LearningDeps, actor: Actor, pathId: string) {
  authorizeAnywhere(actor, 'learning.path.update');
  const path = await deps.repos.learningPaths.get(deps.db, pathId);
  if (!path) throw notFound('learning.path');
  authorize(actor, 'learning.path.update', { unitId: path.unitId });
  return { path, steps: await deps.repos.learningPaths.steps(deps.db, pathId) };
}

async function requireUnit(deps: LearningDeps, db: Db, unitId: string) {
  if (!(await deps.repos.units.get(db, unitId)))
    throw new AppError('learning.unit_not_found', 422, 'learning.error.unit');
}

export async function createPath(deps: LearningDeps, actor: Actor, input: PathInput): Promise<string> {
  authorize(actor, 'learning.path.create', { unitId: input.unitId });
  return deps.db.transaction(async (tx) => {
    await requireUnit(deps, tx, input.unitId);
    const id = newId('lpath');
    const values = { id, ...input, title: input.title, summary: input.summary };
    await deps.repos.learningPaths.insert(tx, values, userId(actor));
    await deps.audit.record(tx, actor, {
      action: 'learning.path.create',
      entityType: 'learning_path',
      entityId: id,
      unitId: input.unitId,
      after: values,
    });
    return id;
  });
}

/** Locks a path for a write, checks the actor keeps its unit and the form's version is current. */
async function pathForWrite(deps: LearningDeps, tx: Db, actor: Actor, pathId: string, version: number) {
  const path = await deps.repos.learningPaths.lock(tx, pathId);
  if (!path) throw notFound('learning.path');
  authorizeEdit(actor, 'learning.path.update', path.unitId, path.status === 'published', 'learning.path');
  checkVersion('learning.path', path.version, version);
  return path;
}

export async function updatePath(deps: LearningDeps, actor: Actor, pathId: string, input: PathUpdate) {
  authorizeAnywhere(actor, 'learning.path.update');
  const { version, ...values } = input;
  await deps.db.transaction(async (tx) => {
    const before = await pathForWrite(deps, tx, actor, pathId, version);
    if (values.unitId !== before.unitId) {
      authorize(actor, 'learning.path.update', { unitId: values.unitId });
      await requireUnit(deps, tx, values.unitId);
    }
    await deps.repos.learningPaths.update(tx, { id: pathId, ...values });
    await deps.audit.record(tx, actor, {
      action: 'learning.path.update',
      entityType: 'learning_path',
      entityId: pathId,
      unitId: values.unitId,
      before,
      after: values,
    });
  });
}

export async function setPathStatus(
  deps: LearningDeps,
  actor: Actor,
  pathId: string,
  status: PublishStatus,
  version: number,
) {
  authorizeAnywhere(actor, 'learning.path.publish');
  await deps.db.transaction(async (tx) => {
    const path = await pathForWrite(deps, tx, actor, pathId, version);
    authorize(actor, 'learning.path.publish', { unitId: path.unitId });
    if (status === 'published' && (await deps.repos.learningPaths.steps(tx, pathId)).length === 0)
      throw new AppError('learning.path_empty', 422, 'learning.error.emptyPath');
    await deps.repos.learningPaths.setStatus(tx, pathId, status);
    await deps.audit.record(tx, actor, {
      action: status === 'published' ? 'learning.path.publish' : 'learning.path.unpublish',
      entityType: 'learning_path',
      entityId: pathId,
      unitId: path.unitId,
      before: { status: path.status },
      after: { status },
    });
  });
}

const stepError = (field: string) =>
  new AppError(`learning.step_invalid`, 422, `learning.error.step.${field}` as 'learning.error.step.refId', {
    details: [{ path: field, message: 'invalid' }],
  });

/** The stored step for this input: checks what the kind needs, sanitises rich text, parses the quiz. */
async function stepValues(deps: LearningDeps, db: Db, pathId: string, input: StepInput): Promise<StepValues> {
  const base: StepValues = {
    id: newId('lstep'),
    pathId,
    kind: input.kind,
    title: input.title,
    body: input.kind === 'page' ? sanitizeRichText(input.body) : input.body,
    fileId: null,
    alt: null,
    url: null,
    refId: null,
    required: input.required,
    quiz: null,
  };
  switch (input.kind) {
    case 'page':
      if (base.body === '') throw stepError('body');
      return base;
    case 'video':
      if (!input.url) throw stepError('url');
      return { ...base, url: input.url };
    case 'record': {
      const [r] = await catalogueRecordsPort.summaries(deps, db, input.refId ? [input.refId] : []);
      if (!r?.published) throw stepError('refId');
      return { ...base, refId: r.id };
    }
    case 'exhibition': {
      const [x] = await exhibitionsPort.summaries(deps, db, input.refId ? [input.refId] : []);
      if (x?.status !== 'published') throw stepError('refId');
      return { ...base, refId: x.id };
    }
    case 'event': {
      const [e] = await eventsPort.summaries(deps, db, input.refId ? [input.refId] : []);
      if (e?.status !== 'published') throw stepError('refId');
      return { ...base, refId: e.id };
    }
    case 'quiz': {
      const parsed = parseQuizText(input.quizText ?? '');
      if (!parsed.ok)
        throw new AppError('learning.quiz_invalid', 422, `learning.error.quiz.${parsed.problem}`, {
          params: { line: parsed.line },
        });
      return {
        ...base,
        quiz: {
          questions: parsed.questions,
          passMark: input.passMark ?? 100,
          maxAttempts: input.maxAttempts ?? 3,
        },
      };
    }
  }
}

export async function addStep(
  deps: LearningDeps,
  actor: Actor,
  pathId: string,
  input: StepInput,
): Promise<string> {
  authorizeAnywhere(actor, 'learning.path.update');
  return deps.db.transaction(async (tx) => {
    const path = await pathForWrite(deps, tx, actor, pathId, input.version);
    const values = await stepValues(deps, tx, pathId, input);
    await deps.repos.learningPaths.insertStep(tx, values);
    await deps.repos.learningPaths.touch(tx, pathId);
    await deps.audit.record(tx, actor, {
      action: 'learning.step.create',
      entityType: 'learning_path',
      entityId: pathId,
      unitId: path.unitId,
      after: values,
    });
    return values.id;
  });
}

/**
 * An image step: the texts and the right to edit are checked first (alt text required), then the files
 * module stores the image (its content inspected, re-encoded, public), then the step is placed. Nothing is
 * kept when a check fails; the temp file is always removed.
 */
export async function addImageStep(
  deps: LearningDeps,
  actor: Actor,
  pathId: string,
  upload: { tempPath: string; fileName: string },
  text: ImageStepText,
): Promise<string> {
  let unitId: string;
  try {
    authorizeAnywhere(actor, 'learning.path.update');
    const path = await deps.repos.learningPaths.get(deps.db, pathId);
    if (!path) throw notFound('learning.path');
    authorize(actor, 'learning.path.update', { unitId: path.unitId });
    checkVersion('learning.path', path.version, text.version);
    unitId = path.unitId;
  } catch (e) {
    await rm(upload.tempPath, { force: true });
    throw e;
  }
  const file = await storeUploadedFile(deps, actor, {
    ...upload,
    kind: 'image',
    visibility: 'public',
    unitId,
  });
  try {
    return await deps.db.transaction(async (tx) => {
      const path = await pathForWrite(deps, tx, actor, pathId, text.version);
      const values: StepValues = {
        id: newId('lstep'),
        pathId,
        kind: 'image',
        title: text.title,
        body: text.body,
        fileId: file.id,
        alt: text.alt,
        url: null,
        refId: null,
        required: text.required,
        quiz: null,
      };
      await deps.repos.learningPaths.insertStep(tx, values);
      await deps.repos.learningPaths.touch(tx, pathId);
      await deps.audit.record(tx, actor, {
        action: 'learning.step.create',
        entityType: 'learning_path',
        entityId: pathId,
        unitId: path.unitId,
        after: values,
      });
      return values.id;
    });
  } catch (e) {
    await deleteStoredFile(deps, file.id).catch(() => undefined);
    throw e;
  }
}

export async function changeStep(
  deps: LearningDeps,
  actor: Actor,
  pathId: string,
  stepId: string,
  change: 'up' | 'down' | 'remove',
  version: number,
) {
  authorizeAnywhere(actor, 'learning.path.update');
  await deps.db.transaction(async (tx) => {
    const path = await pathForWrite(deps, tx, actor, pathId, version);
    const steps = await deps.repos.learningPaths.steps(tx, pathId);
    const before = steps.find((s) => s.id === stepId);
    if (!before) throw notFound('learning.step');
    if (change === 'remove') await deps.repos.learningPaths.deleteStep(tx, pathId, stepId);
    else await deps.repos.learningPaths.moveStep(tx, pathId, stepId, change === 'up' ? -1 : 1);
    await deps.repos.learningPaths.touch(tx, pathId);
    await deps.audit.record(tx, actor, {
      action: change === 'remove' ? 'learning.step.delete' : 'learning.step.move',
      entityType: 'learning_path',
      entityId: pathId,
      unitId: path.unitId,
      before: { step: before, position: before.position },
      after: change === 'remove' ? null : { step: stepId, change },
    });
  });
}

/** A draft path is seen only by those who keep it (others: 404). */
export const pathVisible = (actor: Actor, p: Pick<PathRow, 'status' | 'unitId'>) =>
  p.status === 'published' || can(actor, 'learning.path.update', { unitId: p.unitId });

export type { StepRow };
