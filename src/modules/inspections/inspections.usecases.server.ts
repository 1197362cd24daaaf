// Inspections: a unit's managers plan an inspection (which units, when, what), record each visit with its
// findings and the follow-up actions it calls for (what, who owns it, by when); the inspected unit's staff
// close their actions with a note; the plan is closed when no action is left open. Edits are versioned;
// every write is audited. Open actions past their deadline appear on the owner's dashboard.
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { checkVersion, staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { accessPort } from '../access/index.server.ts';
import { accountById } from '../auth/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { PlanRecord, PlanValues } from './inspections.repository.server.ts';

export type InspDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now'>;

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);

export const PlanInputSchema = z
  .strictObject({
    unitId: id,
    title: singleLineText({ min: 3, max: 500 }),
    subject: multiLineText({ max: 5000 }).default(''),
    targetUnitIds: z.array(id).min(1).max(200),
    plannedFrom: calendarDay(DAY_RANGES.plan),
    plannedTo: calendarDay(DAY_RANGES.plan),
    planInstanceIds: z.array(id).max(20).default([]),
  })
  .refine((v) => v.plannedTo >= v.plannedFrom, {
    path: ['plannedTo'],
    message: 'inspections.invalid.plannedTo',
  });
export type PlanInput = z.infer<typeof PlanInputSchema>;
export const PlanUpdateSchema = z.intersection(PlanInputSchema, z.strictObject({ version: VersionSchema }));

export const VisitInputSchema = z.strictObject({
  unitId: id,
  visitedOn: calendarDay(DAY_RANGES.plan),
  findings: multiLineText({ min: 1, max: 20_000 }),
});
export const FollowUpInputSchema = z.strictObject({
  visitId: id,
  action: multiLineText({ min: 3, max: 2000 }),
  ownerId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .nullable()
    .default(null),
  dueOn: calendarDay(DAY_RANGES.plan),
});
export const CloseFollowUpSchema = z.strictObject({
  note: multiLineText({ min: 1, max: 5000 }),
  version: VersionSchema,
});
export const PlanListQuerySchema = z.strictObject({ q: singleLineText({ max: 200 }).optional() });
export type PlanListQuery = z.infer<typeof PlanListQuerySchema>;

type InspErrorKey =
  | 'inspections.error.planInstance'
  | 'inspections.error.unit'
  | 'inspections.error.owner'
  | 'inspections.error.closed'
  | 'inspections.error.openFollowUps';
const err = (code: string, key: InspErrorKey, status = 422) =>
  new AppError(`inspections.${code}`, status, key);
const by = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** May read a plan: readers of the inspecting unit or of any inspected unit. */
const mayRead = (actor: Actor, p: Pick<PlanRecord, 'unitId' | 'targetUnitIds'>) =>
  can(actor, 'inspections.plan.read', { unitId: p.unitId }) ||
  p.targetUnitIds.some((u) => can(actor, 'inspections.plan.read', { unitId: u }));

async function checkPlan(deps: InspDeps, tx: InspDeps['db'], v: PlanValues) {
  for (const pid of v.planInstanceIds)
    if (!(await planInstancesPort.exists(deps, tx, pid)))
      throw err('plan_instance_not_found', 'inspections.error.planInstance');
  const units = new Set((await deps.repos.units.all(tx)).map((u) => u.id));
  if (v.targetUnitIds.some((u) => !units.has(u))) throw err('unit_not_found', 'inspections.error.unit');
}

const planValues = (i: PlanInput): PlanValues => ({
  ...i,
  targetUnitIds: [...new Set(i.targetUnitIds)],
  planInstanceIds: [...new Set(i.planInstanceIds)],
});

export async function createInspectionPlan(deps: InspDeps, actor: Actor, input: PlanInput): Promise<string> {
  authorize(actor, 'inspections.plan.create', { unitId: input.unitId });
  const v = planValues(input);
  return deps.db.transaction(async (tx) => {
    await checkPlan(deps, tx, v);
    const planId = await deps.repos.inspections.insertPlan(tx, v, by(actor));
    await deps.audit.record(tx, actor, {
      action: 'inspections.plan.create',
      entityType: 'insp_plan',
      entityId: planId,
      unitId: v.unitId,
      before: null,
      after: v,
    });
    return planId;
  });
}

export async function updateInspectionPlan(
  deps: InspDeps,
  actor: Actor,
  planId: string,
  input: z.infer<typeof PlanUpdateSchema>,
) {
  const { version, ...rest } = input;
  const v = planValues(rest);
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.inspections.planById(tx, planId);
    if (!before) throw notFound('inspections.plan');
    authorizeEdit(
      actor,
      'inspections.plan.update',
      before.unitId,
      mayRead(actor, before),
      'inspections.plan',
    );
    authorize(actor, 'inspections.plan.update', { unitId: v.unitId });
    checkVersion('inspections.plan', before.version, version);
    await checkPlan(deps, tx, v);
    if (!(await deps.repos.inspections.updatePlan(tx, planId, v, version)))
      throw staleVersion('inspections.plan');
    await deps.audit.record(tx, actor, {
      action: 'inspections.plan.update',
      entityType: 'insp_plan',
      entityId: planId,
      unitId: v.unitId,
      before,
      after: v,
    });
  });
}

/** Loads a plan the actor may change (404 when they may not even see it); refuses a closed plan. */
async function planForChange(deps: InspDeps, tx: InspDeps['db'], actor: Actor, planId: string) {
  const plan = await deps.repos.inspections.planById(tx, planId);
  if (!plan) throw notFound('inspections.plan');
  authorizeEdit(actor, 'inspections.plan.update', plan.unitId, mayRead(actor, plan), 'inspections.plan');
  if (plan.status === 'closed') throw err('closed', 'inspections.error.closed', 409);
  return plan;
}

export async function addVisit(
  deps: InspDeps,
  actor: Actor,
  planId: string,
  input: z.infer<typeof VisitInputSchema>,
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const plan = await planForChange(deps, tx, actor, planId);
    if (!plan.targetUnitIds.includes(input.unitId)) throw err('unit_not_targeted', 'inspections.error.unit');
    const visitId = await deps.repos.inspections.insertVisit(tx, { ...input, planId }, by(actor));
    await deps.audit.record(tx, actor, {
      action: 'inspections.visit.create',
      entityType: 'insp_visit',
      entityId: visitId,
      unitId: input.unitId,
      before: null,
      after: { ...input, planId },
    });
    return visitId;
  });
}

export async function addFollowUp(
  deps: InspDeps,
  actor: Actor,
  planId: string,
  input: z.infer<typeof FollowUpInputSchema>,
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    await planForChange(deps, tx, actor, planId);
    const visit = await deps.repos.inspections.visitById(tx, input.visitId);
    if (!visit || visit.planId !== planId) throw notFound('inspections.visit');
    if (input.ownerId) {
      const staff = await accessPort.staffOfUnits(deps, tx, [visit.unitId]);
      if (!staff.some((s) => s.userId === input.ownerId))
        throw err('owner_not_staff', 'inspections.error.owner');
    }
    const values = { ...input, planId, unitId: visit.unitId };
    const fid = await deps.repos.inspections.insertFollowUp(tx, values, by(actor));
    await deps.audit.record(tx, actor, {
      action: 'inspections.followup.create',
      entityType: 'insp_followup',
      entityId: fid,
      unitId: visit.unitId,
      before: null,
      after: values,
    });
    if (input.ownerId)
      await deps.repos.notifications.create(tx, {
        userId: input.ownerId,
        kind: 'inspections.followup',
        messageKey: 'inspections.notice.assigned',
        params: { action: input.action.slice(0, 200), due: input.dueOn },
        link: `/admin/inspections/${planId}#f-${fid}`,
        dedupeKey: `inspections.followup:${fid}`,
      });
    return fid;
  });
}

/** Closes a follow-up action: its owner, the inspected unit's staff or the inspectors. Closed on today. */
export async function closeFollowUp(
  deps: InspDeps,
  actor: Actor,
  followUpId: string,
  input: z.infer<typeof CloseFollowUpSchema>,
) {
  await deps.db.transaction(async (tx) => {
    const f = await deps.repos.inspections.followUpById(tx, followUpId);
    const plan = f ? await deps.repos.inspections.planById(tx, f.planId) : undefined;
    if (!f || !plan) throw notFound('inspections.followup');
    const owner = actor.kind === 'user' && f.ownerId === actor.userId;
    if (!owner && !can(actor, 'inspections.plan.update', { unitId: plan.unitId }))
      authorizeEdit(
        actor,
        'inspections.followup.close',
        f.unitId,
        mayRead(actor, plan),
        'inspections.followup',
      );
    if (f.status === 'closed') throw err('closed', 'inspections.error.closed', 409);
    checkVersion('inspections.followup', f.version, input.version);
    const closedOn = isoDateInVietnam(deps.now());
    if (
      !(await deps.repos.inspections.closeFollowUp(
        tx,
        followUpId,
        { closedOn, note: input.note },
        input.version,
      ))
    )
      throw staleVersion('inspections.followup');
    await deps.audit.record(tx, actor, {
      action: 'inspections.followup.close',
      entityType: 'insp_followup',
      entityId: followUpId,
      unitId: f.unitId,
      before: f,
      after: { ...f, status: 'closed', closedOn, closureNote: input.note, onTime: closedOn <= f.dueOn },
    });
  });
}

/** Closes the inspection plan once every follow-up action is closed. */
export async function closeInspectionPlan(deps: InspDeps, actor: Actor, planId: string, version: number) {
  await deps.db.transaction(async (tx) => {
    const plan = await planForChange(deps, tx, actor, planId);
    checkVersion('inspections.plan', plan.version, version);
    const open = (await deps.repos.inspections.followUpsOf(tx, [planId])).filter((f) => f.status === 'open');
    if (open.length > 0) throw err('open_followups', 'inspections.error.openFollowUps', 409);
    if (!(await deps.repos.inspections.setPlanStatus(tx, planId, 'closed', version)))
      throw staleVersion('inspections.plan');
    await deps.audit.record(tx, actor, {
      action: 'inspections.plan.close',
      entityType: 'insp_plan',
      entityId: planId,
      unitId: plan.unitId,
      before: { status: plan.status },
      after: { status: 'closed' },
    });
  });
}

export async function listInspectionPlans(deps: InspDeps, actor: Actor, q: PlanListQuery) {
  if (scopeRoots(actor, 'inspections.plan.read').length === 0) authorize(actor, 'inspections.plan.read');
  const units = await deps.repos.units.all(deps.db);
  const unitIds = units.filter((u) => can(actor, 'inspections.plan.read', { unitId: u.id })).map((u) => u.id);
  const plans = await deps.repos.inspections.plans(deps.db, { ...q, unitIds, limit: 500 });
  const follow = await deps.repos.inspections.followUpsOf(
    deps.db,
    plans.map((p) => p.id),
  );
  const today = isoDateInVietnam(deps.now());
  const names = new Map(units.map((u) => [u.id, u.name]));
  return plans.map((p) => {
    const mine = follow.filter((f) => f.planId === p.id);
    return {
      ...p,
      unitName: names.get(p.unitId) ?? '',
      targetNames: p.targetUnitIds.map((u) => names.get(u) ?? u),
      followUps: mine.length,
      open: mine.filter((f) => f.status === 'open').length,
      overdue: mine.filter((f) => f.status === 'open' && f.dueOn < today).length,
    };
  });
}

/** One plan with its visits and follow-ups, the names they show and what the actor may do. */
export async function getInspectionPlan(deps: InspDeps, actor: Actor, planId: string) {
  const plan = await deps.repos.inspections.planById(deps.db, planId);
  if (!plan || !mayRead(actor, plan)) throw notFound('inspections.plan');
  const units = await deps.repos.units.all(deps.db);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const visits = await deps.repos.inspections.visitsOf(deps.db, [planId]);
  const follow = await deps.repos.inspections.followUpsOf(deps.db, [planId]);
  const people = new Map<string, string>();
  for (const uid of new Set(follow.flatMap((f) => (f.ownerId ? [f.ownerId] : [])))) {
    const a = await accountById(deps, uid);
    if (a) people.set(uid, a.name);
  }
  const today = isoDateInVietnam(deps.now());
  const canUpdate = plan.status === 'open' && can(actor, 'inspections.plan.update', { unitId: plan.unitId });
  const staff = canUpdate ? await accessPort.staffOfUnits(deps, deps.db, plan.targetUnitIds) : [];
  const candidates = [];
  for (const s of staff) {
    const a = await accountById(deps, s.userId);
    if (a) candidates.push({ unitId: s.unitId, userId: a.userId, name: a.name });
  }
  return {
    plan,
    unitName: names.get(plan.unitId) ?? '',
    targets: plan.targetUnitIds.map((u) => ({ id: u, name: names.get(u) ?? u })),
    visits: visits.map((v) => ({
      ...v,
      unitName: names.get(v.unitId) ?? '',
      followUps: follow
        .filter((f) => f.visitId === v.id)
        .map((f) => ({
          ...f,
          ownerName: f.ownerId ? (people.get(f.ownerId) ?? '') : null,
          overdue: f.status === 'open' && f.dueOn < today,
          onTime: f.closedOn !== null && f.closedOn <= f.dueOn,
          canClose:
            f.status === 'open' &&
            ((actor.kind === 'user' && f.ownerId === actor.userId) ||
              can(actor, 'inspections.plan.update', { unitId: plan.unitId }) ||
              can(actor, 'inspections.followup.close', { unitId: f.unitId })),
        })),
    })),
    candidates,
    canUpdate,
    canClosePlan: canUpdate && follow.every((f) => f.status === 'closed'),
  };
}

/** Overdue open follow-ups for the dashboard: the person's own, and their units' (direct grants). */
export async function overdueFollowUpsFor(deps: Pick<AppDeps, 'db' | 'repos' | 'now'>, actor: Actor) {
  if (actor.kind !== 'user') return [];
  const unitIds = actor.grants
    .filter((g) => g.role === 'unit_staff' || g.role === 'unit_manager')
    .map((g) => g.unitId);
  return deps.repos.inspections.overdue(deps.db, {
    today: isoDateInVietnam(deps.now()),
    ownerId: actor.userId,
    unitIds,
  });
}

/** Choices of the plan form: the actor's units, all units as targets, section VI plan instances. */
export async function planFormOptions(deps: InspDeps, actor: Actor) {
  const units = await deps.repos.units.all(deps.db);
  const own = units.filter((u) => can(actor, 'inspections.plan.create', { unitId: u.id }));
  const year = Number(deps.now().toISOString().slice(0, 4));
  const plan = await planInstancesPort.options(
    deps,
    deps.db,
    year - 1,
    own.map((u) => u.id),
  );
  return {
    units: own.map((u) => ({ id: u.id, name: u.name })),
    targets: units.map((u) => ({ id: u.id, name: u.name })),
    planInstances: plan.filter((p) => / VI\.\d/.test(p.label)),
  };
}
