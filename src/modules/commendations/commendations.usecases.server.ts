// Commendations: a unit nominates a collective or a person, a model (mô hình hay) or a creative practice
// (cách làm sáng tạo) or another achievement, with the achievements and links to supporting evidence; the
// Department's officers take it into review and decide (decision number, date, level) or decline it. Only
// decided nominations reach the public honour roll. Edits are versioned; every write is audited.
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { checkVersion, staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { NominationRecord, NominationValues } from './commendations.repository.server.ts';
import { COMM_CATEGORIES, COMM_LEVELS, COMM_STATUSES, NOMINEE_KINDS } from './commendations.vocab.ts';

export type CommDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now'>;

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);

export const NominationInputSchema = z.strictObject({
  unitId: id,
  nomineeKind: z.enum(NOMINEE_KINDS),
  nomineeName: singleLineText({ min: 2, max: 300 }),
  nomineeUnitId: id.nullable().default(null),
  category: z.enum(COMM_CATEGORIES),
  title: singleLineText({ min: 3, max: 500 }),
  achievements: multiLineText({ min: 10, max: 20_000 }),
  evidenceUrls: z
    .array(
      z
        .string()
        .max(2000)
        .regex(/^https?:\/\/\S+$/),
    )
    .max(20)
    .default([]),
  planInstanceIds: z.array(id).max(20).default([]),
});
export type NominationInput = z.infer<typeof NominationInputSchema>;
export const NominationUpdateSchema = NominationInputSchema.extend({ version: VersionSchema }).strict();

export const DecisionSchema = z.discriminatedUnion('step', [
  z.strictObject({
    step: z.literal('review'),
    version: VersionSchema,
    note: multiLineText({ max: 5000 }).default(''),
  }),
  z.strictObject({
    step: z.literal('reject'),
    version: VersionSchema,
    note: multiLineText({ min: 1, max: 5000 }),
  }),
  z.strictObject({
    step: z.literal('decide'),
    version: VersionSchema,
    note: multiLineText({ max: 5000 }).default(''),
    decisionNumber: singleLineText({ min: 1, max: 100 }),
    decisionDate: calendarDay(DAY_RANGES.history),
    level: z.enum(COMM_LEVELS),
  }),
]);
export type DecisionInput = z.infer<typeof DecisionSchema>;

export const NominationListQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 }).optional(),
  status: z.enum(COMM_STATUSES).optional(),
});
export type NominationListQuery = z.infer<typeof NominationListQuerySchema>;

type CommErrorKey =
  | 'commendations.error.planInstance'
  | 'commendations.error.unit'
  | 'commendations.error.state';
const err = (code: string, key: CommErrorKey, status = 422) =>
  new AppError(`commendations.${code}`, status, key);

async function check(deps: CommDeps, tx: CommDeps['db'], v: NominationValues) {
  for (const pid of v.planInstanceIds)
    if (!(await planInstancesPort.exists(deps, tx, pid)))
      throw err('plan_instance_not_found', 'commendations.error.planInstance');
  if (v.nomineeUnitId && !(await deps.repos.units.all(tx)).some((u) => u.id === v.nomineeUnitId))
    throw err('unit_not_found', 'commendations.error.unit');
}

const values = (i: NominationInput): NominationValues => ({
  ...i,
  evidenceUrls: [...new Set(i.evidenceUrls)],
  planInstanceIds: [...new Set(i.planInstanceIds)],
});

export async function createNomination(
  deps: CommDeps,
  actor: Actor,
  input: NominationInput,
): Promise<string> {
  authorize(actor, 'commendations.nomination.create', { unitId: input.unitId });
  const v = values(input);
  return deps.db.transaction(async (tx) => {
    await check(deps, tx, v);
    const nid = await deps.repos.commendations.insert(tx, v, actor.kind === 'user' ? actor.userId : null);
    await deps.audit.record(tx, actor, {
      action: 'commendations.nomination.create',
      entityType: 'comm_nomination',
      entityId: nid,
      unitId: v.unitId,
      before: null,
      after: v,
    });
    return nid;
  });
}

export async function updateNomination(
  deps: CommDeps,
  actor: Actor,
  nominationId: string,
  input: z.infer<typeof NominationUpdateSchema>,
) {
  const { version, ...rest } = input;
  const v = values(rest);
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.commendations.byId(tx, nominationId);
    if (!before) throw notFound('commendations.nomination');
    const visible = can(actor, 'commendations.nomination.read', { unitId: before.unitId });
    authorizeEdit(
      actor,
      'commendations.nomination.update',
      before.unitId,
      visible,
      'commendations.nomination',
    );
    authorize(actor, 'commendations.nomination.update', { unitId: v.unitId });
    if (before.status === 'decided' || before.status === 'rejected')
      throw err('locked', 'commendations.error.state', 409);
    checkVersion('commendations.nomination', before.version, version);
    await check(deps, tx, v);
    if (!(await deps.repos.commendations.update(tx, nominationId, v, version)))
      throw staleVersion('commendations.nomination');
    await deps.audit.record(tx, actor, {
      action: 'commendations.nomination.update',
      entityType: 'comm_nomination',
      entityId: nominationId,
      unitId: v.unitId,
      before,
      after: v,
    });
  });
}

/** The review steps: nominated → review → decided | rejected (a nomination may be declined before review). */
export async function decideNomination(
  deps: CommDeps,
  actor: Actor,
  nominationId: string,
  input: DecisionInput,
) {
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.commendations.byId(tx, nominationId);
    if (!before) throw notFound('commendations.nomination');
    const visible = can(actor, 'commendations.nomination.read', { unitId: before.unitId });
    authorizeEdit(
      actor,
      'commendations.nomination.decide',
      before.unitId,
      visible,
      'commendations.nomination',
    );
    const allowed: Record<DecisionInput['step'], readonly string[]> = {
      review: ['nominated'],
      reject: ['nominated', 'review'],
      decide: ['review'],
    };
    if (!allowed[input.step].includes(before.status)) throw err('state', 'commendations.error.state', 409);
    checkVersion('commendations.nomination', before.version, input.version);
    const outcome =
      input.step === 'decide'
        ? {
            status: 'decided' as const,
            reviewNote: input.note,
            decisionNumber: input.decisionNumber,
            decisionDate: input.decisionDate,
            level: input.level,
          }
        : {
            status: input.step === 'review' ? ('review' as const) : ('rejected' as const),
            reviewNote: input.note,
            decisionNumber: null,
            decisionDate: null,
            level: null,
          };
    if (!(await deps.repos.commendations.setOutcome(tx, before, outcome)))
      throw staleVersion('commendations.nomination');
    await deps.audit.record(tx, actor, {
      action: `commendations.nomination.${input.step}`,
      entityType: 'comm_nomination',
      entityId: nominationId,
      unitId: before.unitId,
      before: { status: before.status },
      after: outcome,
    });
  });
}

export async function listNominations(deps: CommDeps, actor: Actor, q: NominationListQuery) {
  if (scopeRoots(actor, 'commendations.nomination.read').length === 0)
    authorize(actor, 'commendations.nomination.read');
  const units = await deps.repos.units.all(deps.db);
  const unitIds = units
    .filter((u) => can(actor, 'commendations.nomination.read', { unitId: u.id }))
    .map((u) => u.id);
  const rows = await deps.repos.commendations.list(deps.db, { ...q, unitIds, limit: 500 });
  const names = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((n) => ({ ...n, unitName: names.get(n.unitId) ?? '' }));
}

export async function getNomination(deps: CommDeps, actor: Actor, nominationId: string) {
  const n = await deps.repos.commendations.byId(deps.db, nominationId);
  if (!n || !can(actor, 'commendations.nomination.read', { unitId: n.unitId }))
    throw notFound('commendations.nomination');
  const units = await deps.repos.units.all(deps.db);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    nomination: n,
    unitName: names.get(n.unitId) ?? '',
    nomineeUnitName: n.nomineeUnitId ? (names.get(n.nomineeUnitId) ?? null) : null,
    canEdit:
      (n.status === 'nominated' || n.status === 'review') &&
      can(actor, 'commendations.nomination.update', { unitId: n.unitId }),
    canDecide:
      (n.status === 'nominated' || n.status === 'review') &&
      can(actor, 'commendations.nomination.decide', { unitId: n.unitId }),
  };
}

/** The public honour roll: decided nominations only, without the review notes. */
export async function honourRoll(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  q: { q?: string | undefined; category?: (typeof COMM_CATEGORIES)[number] | undefined },
) {
  const rows = await deps.repos.commendations.decided(deps.db, { ...q, limit: 500 });
  const names = new Map((await deps.repos.units.all(deps.db)).map((u) => [u.id, u.name]));
  return rows.map((n: NominationRecord) => ({
    id: n.id,
    nomineeKind: n.nomineeKind,
    nomineeName: n.nomineeName,
    unitName: names.get(n.nomineeUnitId ?? n.unitId) ?? '',
    category: n.category,
    title: n.title,
    achievements: n.achievements,
    decisionNumber: n.decisionNumber ?? '',
    decisionDate: n.decisionDate ?? '',
    level: n.level ?? 'department',
  }));
}

/** Choices of the nomination form: the actor's units, all units (the nominee's), plan instances. */
export async function nominationFormOptions(deps: CommDeps, actor: Actor) {
  const units = await deps.repos.units.all(deps.db);
  const own = units.filter((u) => can(actor, 'commendations.nomination.create', { unitId: u.id }));
  const year = Number(deps.now().toISOString().slice(0, 4));
  return {
    units: own.map((u) => ({ id: u.id, name: u.name })),
    allUnits: units.map((u) => ({ id: u.id, name: u.name })),
    planInstances: await planInstancesPort.options(
      deps,
      deps.db,
      year - 1,
      own.map((u) => u.id),
    ),
  };
}

/** Open nominations the actor may review and decide (their work item until decided or declined). */
export async function awaitingDecisionFor(deps: Pick<AppDeps, 'db' | 'repos'>, actor: Actor) {
  if (actor.kind !== 'user' || scopeRoots(actor, 'commendations.nomination.decide').length === 0) return [];
  const unitIds = (await deps.repos.units.all(deps.db))
    .filter((u) => can(actor, 'commendations.nomination.decide', { unitId: u.id }))
    .map((u) => u.id);
  const [nominated, review] = await Promise.all(
    (['nominated', 'review'] as const).map((status) =>
      deps.repos.commendations.list(deps.db, { status, unitIds, limit: 50 }),
    ),
  );
  return [...(review ?? []), ...(nominated ?? [])];
}
