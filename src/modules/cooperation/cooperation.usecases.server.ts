// International cooperation: a unit's staff record foreign partners and the activities done with them (study
// visits, delegations sent or received, international events attended), who took part (staff accounts and
// named outside people), the outcomes, the plan task instances (section V) they are evidence for, and their
// documents. Lists are unit-scoped and searched with folded Vietnamese; edits are versioned; all audited.
import { rm } from 'node:fs/promises';
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { checkVersion, staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { accessPort } from '../access/index.server.ts';
import { accountById } from '../auth/index.server.ts';
import { deleteStoredFile, storeUploadedFile } from '../files/files.usecases.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { ActivityValues } from './cooperation.repository.server.ts';
import { COOP_KINDS } from './cooperation.vocab.ts';
import { countryName, isCountryCode } from './countries.ts';

export type CoopDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now'>;

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);
const country = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .refine(isCountryCode);
const userId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export const PartnerInputSchema = z.strictObject({
  unitId: id,
  name: singleLineText({ min: 2, max: 300 }),
  country,
  website: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .default(null),
  note: multiLineText({ max: 2000 }).default(''),
});
export type PartnerInput = z.infer<typeof PartnerInputSchema>;
export const PartnerUpdateSchema = PartnerInputSchema.extend({ version: VersionSchema }).strict();

export const ActivityInputSchema = z
  .strictObject({
    unitId: id,
    kind: z.enum(COOP_KINDS),
    title: singleLineText({ min: 3, max: 500 }),
    country,
    startsOn: calendarDay(DAY_RANGES.history),
    endsOn: calendarDay(DAY_RANGES.history),
    partnerIds: z.array(id).max(20).default([]),
    staffUserIds: z.array(userId).max(50).default([]),
    externalNames: z
      .array(singleLineText({ min: 1, max: 200 }))
      .max(50)
      .default([]),
    outcomes: multiLineText({ max: 10_000 }).default(''),
    planInstanceIds: z.array(id).max(20).default([]),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'cooperation.invalid.endsOn' });
export type ActivityInput = z.infer<typeof ActivityInputSchema>;
export const ActivityUpdateSchema = z.intersection(
  ActivityInputSchema,
  z.strictObject({ version: VersionSchema }),
);

export const ActivityListQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 }).optional(),
  kind: z.enum(COOP_KINDS).optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

type CoopErrorKey =
  | 'cooperation.error.partner'
  | 'cooperation.error.planInstance'
  | 'cooperation.error.staff';
const err = (code: string, key: CoopErrorKey) => new AppError(`cooperation.${code}`, 422, key);

// ---- partners

export async function createPartner(deps: CoopDeps, actor: Actor, input: PartnerInput): Promise<string> {
  authorize(actor, 'cooperation.partner.create', { unitId: input.unitId });
  return deps.db.transaction(async (tx) => {
    const pid = await deps.repos.cooperation.insertPartner(
      tx,
      input,
      actor.kind === 'user' ? actor.userId : null,
    );
    await deps.audit.record(tx, actor, {
      action: 'cooperation.partner.create',
      entityType: 'coop_partner',
      entityId: pid,
      unitId: input.unitId,
      before: null,
      after: input,
    });
    return pid;
  });
}

export async function updatePartner(
  deps: CoopDeps,
  actor: Actor,
  partnerId: string,
  input: z.infer<typeof PartnerUpdateSchema>,
) {
  const { version, ...v } = input;
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.cooperation.partnerById(tx, partnerId);
    if (!before) throw notFound('cooperation.partner');
    authorize(actor, 'cooperation.partner.update', { unitId: before.unitId });
    authorize(actor, 'cooperation.partner.update', { unitId: v.unitId });
    checkVersion('cooperation.partner', before.version, version);
    if (!(await deps.repos.cooperation.updatePartner(tx, partnerId, v, version)))
      throw staleVersion('cooperation.partner');
    await deps.audit.record(tx, actor, {
      action: 'cooperation.partner.update',
      entityType: 'coop_partner',
      entityId: partnerId,
      unitId: v.unitId,
      before,
      after: v,
    });
  });
}

export async function listPartners(deps: CoopDeps, actor: Actor, q: { q?: string | undefined } = {}) {
  authorize(actor, 'cooperation.partner.read');
  const rows = await deps.repos.cooperation.partners(deps.db, q);
  return rows.map((p) => ({
    ...p,
    countryName: countryName(p.country),
    canEdit: can(actor, 'cooperation.partner.update', { unitId: p.unitId }),
  }));
}

// ---- activities

async function checkActivity(deps: CoopDeps, tx: CoopDeps['db'], v: ActivityValues): Promise<string[]> {
  for (const pid of v.planInstanceIds)
    if (!(await planInstancesPort.exists(deps, tx, pid)))
      throw err('plan_instance_not_found', 'cooperation.error.planInstance');
  const partners = await deps.repos.cooperation.partners(tx, { ids: v.partnerIds });
  if (partners.length !== v.partnerIds.length) throw err('partner_not_found', 'cooperation.error.partner');
  if (v.staffUserIds.length > 0) {
    const units = (await deps.repos.units.all(tx)).map((u) => u.id);
    const staff = new Set((await accessPort.staffOfUnits(deps, tx, units)).map((s) => s.userId));
    if (v.staffUserIds.some((u) => !staff.has(u))) throw err('staff_not_found', 'cooperation.error.staff');
  }
  return partners.map((p) => p.name);
}

const activityValues = (i: ActivityInput): ActivityValues => ({
  ...i,
  partnerIds: [...new Set(i.partnerIds)],
  staffUserIds: [...new Set(i.staffUserIds)],
  externalNames: [...new Set(i.externalNames)],
  planInstanceIds: [...new Set(i.planInstanceIds)],
});

export async function createActivity(deps: CoopDeps, actor: Actor, input: ActivityInput): Promise<string> {
  authorize(actor, 'cooperation.activity.create', { unitId: input.unitId });
  const v = activityValues(input);
  return deps.db.transaction(async (tx) => {
    const names = await checkActivity(deps, tx, v);
    const aid = await deps.repos.cooperation.insertActivity(
      tx,
      v,
      names,
      actor.kind === 'user' ? actor.userId : null,
    );
    await deps.audit.record(tx, actor, {
      action: 'cooperation.activity.create',
      entityType: 'coop_activity',
      entityId: aid,
      unitId: v.unitId,
      before: null,
      after: v,
    });
    return aid;
  });
}

export async function updateActivity(
  deps: CoopDeps,
  actor: Actor,
  activityId: string,
  input: z.infer<typeof ActivityUpdateSchema>,
) {
  const { version, ...rest } = input;
  const v = activityValues(rest);
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.cooperation.activityById(tx, activityId);
    if (!before) throw notFound('cooperation.activity');
    const visible = can(actor, 'cooperation.activity.read', { unitId: before.unitId });
    authorizeEdit(actor, 'cooperation.activity.update', before.unitId, visible, 'cooperation.activity');
    authorize(actor, 'cooperation.activity.update', { unitId: v.unitId });
    checkVersion('cooperation.activity', before.version, version);
    const names = await checkActivity(deps, tx, v);
    if (!(await deps.repos.cooperation.updateActivity(tx, activityId, v, names, version)))
      throw staleVersion('cooperation.activity');
    await deps.audit.record(tx, actor, {
      action: 'cooperation.activity.update',
      entityType: 'coop_activity',
      entityId: activityId,
      unitId: v.unitId,
      before,
      after: v,
    });
  });
}

export async function listActivities(deps: CoopDeps, actor: Actor, q: ActivityListQuery) {
  if (scopeRoots(actor, 'cooperation.activity.read').length === 0)
    authorize(actor, 'cooperation.activity.read');
  const units = await deps.repos.units.all(deps.db);
  const unitIds = units
    .filter((u) => can(actor, 'cooperation.activity.read', { unitId: u.id }))
    .map((u) => u.id);
  const rows = await deps.repos.cooperation.activities(deps.db, { ...q, unitIds, limit: 500 });
  const partners = new Map((await deps.repos.cooperation.partners(deps.db)).map((p) => [p.id, p.name]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((a) => ({
    ...a,
    unitName: names.get(a.unitId) ?? '',
    countryName: countryName(a.country),
    partnerNames: a.partnerIds.map((p) => partners.get(p) ?? p),
  }));
}

/** One activity with its partners, participants and documents, and whether the actor may edit it. */
export async function getActivity(deps: CoopDeps, actor: Actor, activityId: string) {
  const a = await deps.repos.cooperation.activityById(deps.db, activityId);
  if (!a || !can(actor, 'cooperation.activity.read', { unitId: a.unitId }))
    throw notFound('cooperation.activity');
  const partners = await deps.repos.cooperation.partners(deps.db, { ids: a.partnerIds });
  const staff = await Promise.all(a.staffUserIds.map((u) => accountById(deps, u)));
  return {
    activity: a,
    countryName: countryName(a.country),
    partners: partners.map((p) => ({ id: p.id, name: p.name, countryName: countryName(p.country) })),
    staff: staff.flatMap((s) => (s ? [{ userId: s.userId, name: s.name }] : [])),
    documents: await deps.repos.cooperation.documents(deps.db, activityId),
    canEdit: can(actor, 'cooperation.activity.update', { unitId: a.unitId }),
  };
}

/** Stores an uploaded document (checked by content by the files module) and attaches it to the activity. */
export async function attachActivityDocument(
  deps: CoopDeps & Pick<AppDeps, 'config' | 'logger'>,
  actor: Actor,
  activityId: string,
  upload: { tempPath: string; fileName: string; title: string },
): Promise<string> {
  const a = await deps.repos.cooperation.activityById(deps.db, activityId);
  try {
    if (!a) throw notFound('cooperation.activity');
    const visible = can(actor, 'cooperation.activity.read', { unitId: a.unitId });
    authorizeEdit(actor, 'cooperation.activity.update', a.unitId, visible, 'cooperation.activity');
  } catch (e) {
    await rm(upload.tempPath, { force: true }).catch(() => undefined);
    throw e;
  }
  const file = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'evidence',
    visibility: 'private',
    unitId: a.unitId,
  });
  const title = upload.title.trim().slice(0, 300) || file.originalName;
  try {
    return await deps.db.transaction(async (tx) => {
      const docId = await deps.repos.cooperation.addDocument(
        tx,
        { activityId, fileId: file.id, title },
        actor.kind === 'user' ? actor.userId : null,
      );
      await deps.audit.record(tx, actor, {
        action: 'cooperation.document.create',
        entityType: 'coop_document',
        entityId: docId,
        unitId: a.unitId,
        before: null,
        after: { activityId, fileId: file.id, title, mime: file.mime, size: file.size },
      });
      return docId;
    });
  } catch (e) {
    await deleteStoredFile(deps, file.id).catch(() => undefined);
    throw e;
  }
}

/** The stored file of a document, for whoever may read its activity. */
export async function documentFileFor(deps: CoopDeps, actor: Actor, documentId: string): Promise<string> {
  const d = await deps.repos.cooperation.documentById(deps.db, documentId);
  const a = d ? await deps.repos.cooperation.activityById(deps.db, d.activityId) : undefined;
  if (!d || !a || !can(actor, 'cooperation.activity.read', { unitId: a.unitId }))
    throw notFound('cooperation.document');
  return d.fileId;
}

/** Choices of the activity form: the actor's units, partners, staff accounts, section V plan instances. */
export async function activityFormOptions(deps: CoopDeps, actor: Actor) {
  const units = await deps.repos.units.all(deps.db);
  const own = units.filter((u) => can(actor, 'cooperation.activity.create', { unitId: u.id }));
  const year = Number(deps.now().toISOString().slice(0, 4));
  const plan = await planInstancesPort.options(
    deps,
    deps.db,
    year - 1,
    own.map((u) => u.id),
  );
  const staffRows = await accessPort.staffOfUnits(
    deps,
    deps.db,
    own.map((u) => u.id),
  );
  const staff = await Promise.all(
    [...new Set(staffRows.map((s) => s.userId))].map((u) => accountById(deps, u)),
  );
  return {
    units: own.map((u) => ({ id: u.id, name: u.name })),
    partners: (await deps.repos.cooperation.partners(deps.db)).map((p) => ({
      id: p.id,
      name: `${p.name} (${countryName(p.country)})`,
    })),
    staff: staff.flatMap((s) => (s ? [{ id: s.userId, name: `${s.name} (${s.email})` }] : [])),
    // Section V of the plan is international cooperation: its instances are what an activity is evidence for.
    planInstances: plan.filter((p) => / V\.\d/.test(p.label)),
  };
}
