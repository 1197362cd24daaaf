// Guidance documents: filed by a unit's managers (or the Department's officers), searchable by every staff
// member with folded Vietnamese; filing one sends a "new guidance" notice to the staff of the units it targets,
// and opening it records a read receipt, so the filer sees who has read it. Edits are versioned; all audited.
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { checkVersion, staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { accessPort } from '../access/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { GuidanceValues } from './guidance.repository.server.ts';
import { GUIDANCE_TYPES } from './guidance.vocab.ts';

export type GuidanceDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now'>;

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);

export const GuidanceInputSchema = z.strictObject({
  unitId: id,
  docType: z.enum(GUIDANCE_TYPES),
  issuer: singleLineText({ min: 2, max: 300 }),
  numberSymbol: singleLineText({ min: 1, max: 100 }),
  issuedOn: calendarDay(DAY_RANGES.history),
  title: singleLineText({ min: 3, max: 500 }),
  summary: multiLineText({ max: 5000 }).default(''),
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .default(null),
  planInstanceIds: z.array(id).max(20).default([]),
  targetUnitIds: z.array(id).max(200).default([]),
});
export type GuidanceInput = z.infer<typeof GuidanceInputSchema>;
export const GuidanceUpdateSchema = GuidanceInputSchema.extend({ version: VersionSchema }).strict();

const err = (
  code: string,
  key: 'guidance.error.duplicate' | 'guidance.error.planInstance' | 'guidance.error.unit',
  status = 422,
) => new AppError(`guidance.${code}`, status, key);

async function check(deps: GuidanceDeps, tx: GuidanceDeps['db'], v: GuidanceValues) {
  for (const pid of v.planInstanceIds)
    if (!(await planInstancesPort.exists(deps, tx, pid)))
      throw err('plan_instance_not_found', 'guidance.error.planInstance');
  const units = new Set((await deps.repos.units.all(tx)).map((u) => u.id));
  if (v.targetUnitIds.some((u) => !units.has(u))) throw err('unit_not_found', 'guidance.error.unit');
}

const values = (i: GuidanceInput): GuidanceValues => ({
  ...i,
  planInstanceIds: [...new Set(i.planInstanceIds)],
  targetUnitIds: [...new Set(i.targetUnitIds)],
});

export async function fileGuidance(deps: GuidanceDeps, actor: Actor, input: GuidanceInput): Promise<string> {
  authorize(actor, 'guidance.document.create', { unitId: input.unitId });
  const v = values(input);
  return deps.db.transaction(async (tx) => {
    await check(deps, tx, v);
    if (await deps.repos.guidance.findByNumber(tx, v.issuer, v.numberSymbol, v.issuedOn))
      throw err('duplicate', 'guidance.error.duplicate', 409);
    const docId = await deps.repos.guidance.insert(tx, v, actor.kind === 'user' ? actor.userId : null);
    const staff = await accessPort.staffOfUnits(deps, tx, v.targetUnitIds);
    for (const userId of new Set(staff.map((s) => s.userId)))
      await deps.repos.notifications.create(tx, {
        userId,
        kind: 'guidance.new',
        messageKey: 'guidance.notice.new',
        params: { number: v.numberSymbol, title: v.title.slice(0, 200) },
        link: `/admin/guidance/${docId}`,
        dedupeKey: `guidance.new:${docId}:${userId}`,
      });
    await deps.audit.record(tx, actor, {
      action: 'guidance.document.create',
      entityType: 'guidance_document',
      entityId: docId,
      unitId: v.unitId,
      before: null,
      after: { ...v, notified: staff.length },
    });
    return docId;
  });
}

export async function updateGuidance(
  deps: GuidanceDeps,
  actor: Actor,
  docId: string,
  input: z.infer<typeof GuidanceUpdateSchema>,
) {
  const { version, ...rest } = input;
  const v = values(rest);
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.guidance.byId(tx, docId);
    if (!before) throw notFound('guidance.document');
    authorizeEdit(
      actor,
      'guidance.document.update',
      before.unitId,
      can(actor, 'guidance.document.read'),
      'guidance.document',
    );
    authorize(actor, 'guidance.document.update', { unitId: v.unitId });
    checkVersion('guidance.document', before.version, version);
    await check(deps, tx, v);
    if (!(await deps.repos.guidance.update(tx, docId, v, version))) throw staleVersion('guidance.document');
    await deps.audit.record(tx, actor, {
      action: 'guidance.document.update',
      entityType: 'guidance_document',
      entityId: docId,
      unitId: v.unitId,
      before,
      after: v,
    });
  });
}

export async function searchGuidance(
  deps: GuidanceDeps,
  actor: Actor,
  q: { q?: string | undefined; docType?: (typeof GUIDANCE_TYPES)[number] | undefined },
) {
  authorize(actor, 'guidance.document.read');
  return deps.repos.guidance.list(deps.db, { ...q, limit: 300 });
}

/** Opens a document: records the reader's receipt (their first targeted unit, else their first grant's). */
export async function openGuidance(deps: GuidanceDeps, actor: Actor, docId: string) {
  authorize(actor, 'guidance.document.read');
  const doc = await deps.repos.guidance.byId(deps.db, docId);
  if (!doc || actor.kind !== 'user') throw notFound('guidance.document');
  const targeted = doc.targetUnitIds.find((u) => actor.grants.some((g) => g.unitId === u));
  const unitId = targeted ?? actor.grants[0]?.unitId ?? doc.unitId;
  await deps.repos.guidance.markRead(deps.db, docId, actor.userId, unitId);
  const canEdit = can(actor, 'guidance.document.update', { unitId: doc.unitId });
  const units = await deps.repos.units.all(deps.db);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const receipts = canEdit ? await deps.repos.guidance.receipts(deps.db, docId) : [];
  const readUnits = new Set(receipts.map((r) => r.unitId));
  return {
    doc,
    canEdit,
    targets: doc.targetUnitIds.map((u) => ({ id: u, name: names.get(u) ?? u, read: readUnits.has(u) })),
    receipts: receipts.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '' })),
  };
}

/** Units and plan task instances offered by the filing form. */
export async function guidanceFormOptions(deps: GuidanceDeps, actor: Actor) {
  const units = await deps.repos.units.all(deps.db);
  const own = units.filter((u) => can(actor, 'guidance.document.create', { unitId: u.id }));
  const year = Number(deps.now().toISOString().slice(0, 4));
  return {
    units: own.map((u) => ({ id: u.id, name: u.name })),
    targets: units.map((u) => ({ id: u.id, name: u.name })),
    planInstances: await planInstancesPort.options(
      deps,
      deps.db,
      year,
      own.map((u) => u.id),
    ),
  };
}
