// Staff training: a unit registers the courses its staff attend (organised by the Ministry, the Department or
// the unit itself), their sessions with hours, the participants (staff accounts granted on the unit's subtree),
// who attended each session, and each participant's certificate (a file the files module checks by content).
// Edits of a course are versioned; every write is audited.
import { rm } from 'node:fs/promises';
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { singleLineText } from '../../lib/text.server.ts';
import { checkVersion, staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { accessPort } from '../access/index.server.ts';
import { accountsPort } from '../auth/index.server.ts';
import { storeUploadedFile } from '../files/files.usecases.server.ts';
import { placesPort } from '../places/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { CourseRecord, CourseValues } from './training.repository.server.ts';
import { ORGANISER_LEVELS } from './training.vocab.ts';

export type TrainingDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config' | 'logger'>;

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);

export const CourseInputSchema = z.strictObject({
  unitId: id,
  organiserLevel: z.enum(ORGANISER_LEVELS),
  organiser: singleLineText({ min: 2, max: 300 }),
  title: singleLineText({ min: 3, max: 500 }),
  topic: singleLineText({ max: 500 }).default(''),
  startsOn: calendarDay(DAY_RANGES.history),
  endsOn: calendarDay(DAY_RANGES.history),
  placeId: id.nullable().default(null),
  onlineUrl: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .default(null),
  planInstanceIds: z.array(id).max(20).default([]),
});
export type CourseInput = z.infer<typeof CourseInputSchema>;
export const CourseUpdateSchema = CourseInputSchema.extend({ version: VersionSchema }).strict();

export const SessionInputSchema = z.strictObject({
  heldOn: calendarDay(DAY_RANGES.history),
  title: singleLineText({ max: 300 }).default(''),
  hours: z.coerce.number().min(0.5).max(24).multipleOf(0.5),
});

export const ListQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 }).optional(),
  level: z.enum(ORGANISER_LEVELS).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

type ErrKey =
  | 'training.error.dates'
  | 'training.error.place'
  | 'training.error.planInstance'
  | 'training.error.participant';
const err = (code: string, key: ErrKey, status = 422) => new AppError(`training.${code}`, status, key);

const values = (i: CourseInput): CourseValues => ({ ...i, planInstanceIds: [...new Set(i.planInstanceIds)] });

async function check(deps: TrainingDeps, tx: TrainingDeps['db'], v: CourseValues) {
  if (v.endsOn < v.startsOn) throw err('dates', 'training.error.dates');
  if (v.placeId && (await placesPort.activeOptions(deps, tx, [v.placeId])).length === 0)
    throw err('place_not_found', 'training.error.place');
  for (const pid of v.planInstanceIds)
    if (!(await planInstancesPort.exists(deps, tx, pid)))
      throw err('plan_instance_not_found', 'training.error.planInstance');
}

const audit = (
  deps: TrainingDeps,
  tx: TrainingDeps['db'],
  actor: Actor,
  action: string,
  entityId: string,
  unitId: string,
  before: unknown,
  after: unknown,
) => deps.audit.record(tx, actor, { action, entityType: 'training_course', entityId, unitId, before, after });

export async function createCourse(deps: TrainingDeps, actor: Actor, input: CourseInput): Promise<string> {
  authorize(actor, 'training.course.create', { unitId: input.unitId });
  const v = values(input);
  return deps.db.transaction(async (tx) => {
    await check(deps, tx, v);
    const courseId = await deps.repos.training.insertCourse(
      tx,
      v,
      actor.kind === 'user' ? actor.userId : null,
    );
    await audit(deps, tx, actor, 'training.course.create', courseId, v.unitId, null, v);
    return courseId;
  });
}

async function editable(deps: TrainingDeps, actor: Actor, courseId: string): Promise<CourseRecord> {
  const c = await deps.repos.training.courseById(deps.db, courseId);
  if (!c) throw notFound('training.course');
  authorizeEdit(
    actor,
    'training.course.update',
    c.unitId,
    can(actor, 'training.course.read', { unitId: c.unitId }),
    'training.course',
  );
  return c;
}

export async function updateCourse(
  deps: TrainingDeps,
  actor: Actor,
  courseId: string,
  input: z.infer<typeof CourseUpdateSchema>,
) {
  const { version, ...rest } = input;
  const v = values(rest);
  const before = await editable(deps, actor, courseId);
  authorize(actor, 'training.course.update', { unitId: v.unitId });
  checkVersion('training.course', before.version, version);
  await deps.db.transaction(async (tx) => {
    await check(deps, tx, v);
    if (!(await deps.repos.training.updateCourse(tx, courseId, v, version)))
      throw staleVersion('training.course');
    await audit(deps, tx, actor, 'training.course.update', courseId, v.unitId, before, v);
  });
}

export async function addSession(
  deps: TrainingDeps,
  actor: Actor,
  courseId: string,
  input: z.infer<typeof SessionInputSchema>,
) {
  const c = await editable(deps, actor, courseId);
  if (input.heldOn < c.startsOn || input.heldOn > c.endsOn)
    throw err('session_dates', 'training.error.dates');
  return deps.db.transaction(async (tx) => {
    const sid = await deps.repos.training.addSession(tx, courseId, input);
    await audit(deps, tx, actor, 'training.session.create', courseId, c.unitId, null, {
      sessionId: sid,
      ...input,
    });
    return sid;
  });
}

/** Staff accounts the actor may enrol: active staff/manager grants on units where they may edit courses. */
async function enrollable(deps: TrainingDeps, actor: Actor) {
  const units = await deps.repos.units.all(deps.db);
  const own = units.filter((u) => can(actor, 'training.course.update', { unitId: u.id }));
  const staff = await accessPort.staffOfUnits(
    deps,
    deps.db,
    own.map((u) => u.id),
  );
  const byUser = new Map<string, string>();
  for (const s of staff) if (!byUser.has(s.userId)) byUser.set(s.userId, s.unitId);
  return { byUser, names: new Map(units.map((u) => [u.id, u.name])) };
}

/** The enrolment form's choices: the enrollable staff with their names and units, by name. */
export async function staffOptions(deps: TrainingDeps, actor: Actor) {
  const { byUser, names } = await enrollable(deps, actor);
  const out = [];
  for (const [userId, unitId] of byUser) {
    const user = await accountsPort.findById(deps, userId);
    out.push({ userId, unitId, unitName: names.get(unitId) ?? '', name: user?.name ?? userId });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function addParticipants(
  deps: TrainingDeps,
  actor: Actor,
  courseId: string,
  userIds: readonly string[],
) {
  const c = await editable(deps, actor, courseId);
  const { byUser } = await enrollable(deps, actor);
  const unique = [...new Set(userIds)];
  if (unique.some((u) => !byUser.has(u))) throw err('participant_not_staff', 'training.error.participant');
  const chosen = unique.map((userId) => ({ userId, unitId: byUser.get(userId) as string }));
  return deps.db.transaction(async (tx) => {
    const added = await deps.repos.training.addParticipants(tx, courseId, chosen);
    await audit(deps, tx, actor, 'training.participants.add', courseId, c.unitId, null, { added });
    return added;
  });
}

export async function setAttendance(
  deps: TrainingDeps,
  actor: Actor,
  courseId: string,
  sessionId: string,
  userIds: readonly string[],
) {
  const c = await editable(deps, actor, courseId);
  const sessions = await deps.repos.training.sessions(deps.db, courseId);
  if (!sessions.some((s) => s.id === sessionId)) throw notFound('training.session');
  const members = new Set((await deps.repos.training.participants(deps.db, courseId)).map((p) => p.userId));
  if (userIds.some((u) => !members.has(u))) throw err('participant_unknown', 'training.error.participant');
  await deps.db.transaction(async (tx) => {
    await deps.repos.training.setAttendance(tx, courseId, sessionId, [...new Set(userIds)]);
    await audit(deps, tx, actor, 'training.attendance.set', courseId, c.unitId, null, { sessionId, userIds });
  });
}

/** A participant's certificate: PDF, DOCX or an image, checked by content; stored private to staff. */
export async function setCertificate(
  deps: TrainingDeps,
  actor: Actor,
  courseId: string,
  upload: { tempPath: string; fileName: string; userId: string; certificateNo: string },
) {
  let c: CourseRecord;
  try {
    c = await editable(deps, actor, courseId);
    const members = await deps.repos.training.participants(deps.db, courseId);
    if (!members.some((p) => p.userId === upload.userId))
      throw err('participant_unknown', 'training.error.participant');
  } catch (e) {
    await rm(upload.tempPath, { force: true });
    throw e;
  }
  const stored = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'evidence',
    visibility: 'private',
    unitId: c.unitId,
  });
  const no = upload.certificateNo.trim().slice(0, 100) || null;
  await deps.db.transaction(async (tx) => {
    await deps.repos.training.setCertificate(tx, courseId, upload.userId, stored.id, no);
    await audit(deps, tx, actor, 'training.certificate.set', courseId, c.unitId, null, {
      userId: upload.userId,
      fileId: stored.id,
      certificateNo: no,
    });
  });
}

export async function listCourses(deps: TrainingDeps, actor: Actor, q: ListQuery) {
  const units = await deps.repos.units.all(deps.db);
  const readable = units.filter((u) => can(actor, 'training.course.read', { unitId: u.id }));
  if (readable.length === 0) authorize(actor, 'training.course.read', { unitId: units[0]?.id });
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = await deps.repos.training.listCourses(deps.db, {
    ...q,
    unitIds: readable.map((u) => u.id),
    limit: 500,
  });
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '' }));
}

export async function getCourse(deps: TrainingDeps, actor: Actor, courseId: string) {
  const c = await deps.repos.training.courseById(deps.db, courseId);
  if (!c || !can(actor, 'training.course.read', { unitId: c.unitId })) {
    if (actor.kind !== 'user') authorize(actor, 'training.course.read', {});
    throw notFound('training.course');
  }
  const [sessions, members, units] = await Promise.all([
    deps.repos.training.sessions(deps.db, courseId),
    deps.repos.training.participants(deps.db, courseId),
    deps.repos.units.all(deps.db),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const hoursOf = new Map(sessions.map((s) => [s.id, s.hours]));
  const participants = [];
  for (const p of members) {
    const user = await accountsPort.findById(deps, p.userId);
    participants.push({
      ...p,
      name: user?.name ?? '—',
      unitName: unitNames.get(p.unitId) ?? '',
      hours: p.sessionIds.reduce((s, sid) => s + (hoursOf.get(sid) ?? 0), 0),
    });
  }
  const place = c.placeId ? (await placesPort.names(deps, deps.db, [c.placeId]))[0] : undefined;
  return {
    course: c,
    unitName: unitNames.get(c.unitId) ?? '',
    placeName: place?.name ?? null,
    sessions,
    participants,
    canEdit: can(actor, 'training.course.update', { unitId: c.unitId }),
  };
}

/** Units, places and plan task instances offered by the course form. */
export async function courseFormOptions(deps: TrainingDeps, actor: Actor) {
  const units = await deps.repos.units.all(deps.db);
  const own = units.filter((u) => can(actor, 'training.course.create', { unitId: u.id }));
  const year = Number(deps.now().toISOString().slice(0, 4));
  return {
    units: own.map((u) => ({ id: u.id, name: u.name })),
    places: (await placesPort.activeOptions(deps, deps.db)).map((p) => ({ id: p.id, name: p.name })),
    planInstances: await planInstancesPort.options(
      deps,
      deps.db,
      year,
      own.map((u) => u.id),
    ),
  };
}

export const canCreateCourses = (actor: Actor) => scopeRoots(actor, 'training.course.create').length > 0;
