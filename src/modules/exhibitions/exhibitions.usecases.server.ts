// Staff use cases for virtual exhibitions: create, edit, publish, and compose ordered sections of objects and
// images. Every write checks the exhibition's unit, runs in one transaction that first locks the exhibition
// (version bump), and is audited in that transaction. Reads live in exhibitions.queries.ts.

import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { checkVersion, staleVersion } from '../../lib/versions.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './exhibitions.ids.server.ts';
import type { ExhibitionRow, ExhibitionValues, SectionValues } from './exhibitions.repository.server.ts';
import type {
  Direction,
  ExhibitionInput,
  ExhibitionPatch,
  ImageText,
  RecordItemInput,
  SectionEdit,
  SectionInput,
} from './exhibitions.schemas.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit'>;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
export const clean = (s: string) => s.normalize('NFC').replace(CONTROL, '').trim();
export const cleanOpt = (s: string | null | undefined) => (s ? clean(s) || null : null);

/** A readable URL name from a Vietnamese title: "Trầm hương Khánh Hòa" → "tram-huong-khanh-hoa". */
export function slugify(title: string): string {
  const s = fold(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return s || 'trien-lam';
}

async function freeSlug(deps: Deps, db: Db, base: string, exceptId?: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await deps.repos.exhibitions.slugTaken(db, slug, exceptId))) return slug;
  }
  return `${base}-${newId('exh').slice(4, 10)}`;
}

const slugConflict = () => new AppError('exhibitions.slug_taken', 409, 'exhibitions.error.slugTaken');

/** The exhibition a staff member may change: 404 when it does not exist or is a draft they cannot see. */
export async function exhibitionForUpdate(deps: Deps, actor: Actor, id: string): Promise<ExhibitionRow> {
  const ex = await deps.repos.exhibitions.get(deps.db, id);
  if (!ex) {
    authorize(actor, 'exhibitions.exhibition.list');
    throw notFound('exhibitions.exhibition');
  }
  if (
    ex.status !== 'published' &&
    !can(actor, 'exhibitions.exhibition.read_unpublished', { unitId: ex.unitId })
  )
    throw notFound('exhibitions.exhibition');
  authorize(actor, 'exhibitions.exhibition.update', { unitId: ex.unitId });
  return ex;
}

export async function createExhibition(
  deps: Deps,
  actor: Actor,
  input: ExhibitionInput,
): Promise<ExhibitionRow> {
  authorize(actor, 'exhibitions.exhibition.create', { unitId: input.unitId });
  if (!(await deps.repos.catalogue.unitExists(deps.db, input.unitId)))
    throw new AppError('exhibitions.unit_unknown', 422, 'catalogue.error.unknownUnit');
  const id = newId('exh');
  return deps.db.transaction(async (tx) => {
    if (input.slug && (await deps.repos.exhibitions.slugTaken(tx, input.slug))) throw slugConflict();
    const values: ExhibitionValues = {
      id,
      slug: input.slug ?? (await freeSlug(deps, tx, slugify(input.titleVi))),
      unitId: input.unitId,
      titleVi: clean(input.titleVi),
      titleEn: cleanOpt(input.titleEn),
      summaryVi: cleanOpt(input.summaryVi),
      summaryEn: cleanOpt(input.summaryEn),
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    };
    await deps.repos.exhibitions.insert(tx, values, actor.kind === 'user' ? actor.userId : null);
    await deps.audit.record(tx, actor, {
      action: 'exhibitions.exhibition.create',
      entityType: 'exhibition',
      entityId: id,
      unitId: values.unitId,
      after: values,
    });
    return (await deps.repos.exhibitions.get(tx, id)) as ExhibitionRow;
  });
}

export async function updateExhibition(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: ExhibitionPatch,
): Promise<ExhibitionRow> {
  const before = await exhibitionForUpdate(deps, actor, id);
  const has = (k: keyof ExhibitionPatch) => Object.hasOwn(patch, k);
  const values: ExhibitionValues = {
    id,
    slug: patch.slug ?? before.slug,
    unitId: before.unitId,
    titleVi: patch.titleVi ? clean(patch.titleVi) : before.titleVi,
    titleEn: has('titleEn') ? cleanOpt(patch.titleEn) : before.titleEn,
    summaryVi: has('summaryVi') ? cleanOpt(patch.summaryVi) : before.summaryVi,
    summaryEn: has('summaryEn') ? cleanOpt(patch.summaryEn) : before.summaryEn,
    startDate: has('startDate') ? (patch.startDate ?? null) : before.startDate,
    endDate: has('endDate') ? (patch.endDate ?? null) : before.endDate,
  };
  if (values.startDate && values.endDate && values.endDate < values.startDate)
    throw new AppError('exhibitions.dates', 422, 'exhibitions.error.dates');
  return deps.db.transaction(async (tx) => {
    if (values.slug !== before.slug && (await deps.repos.exhibitions.slugTaken(tx, values.slug, id)))
      throw slugConflict();
    const next = await deps.repos.exhibitions.update(tx, values, patch.version);
    if (next === undefined)
      throw new AppError('exhibitions.version_conflict', 409, 'catalogue.error.versionConflict');
    await deps.audit.record(tx, actor, {
      action: 'exhibitions.exhibition.update',
      entityType: 'exhibition',
      entityId: id,
      unitId: before.unitId,
      before,
      after: values,
    });
    return (await deps.repos.exhibitions.get(tx, id)) as ExhibitionRow;
  });
}

/** Publishing needs at least one section; unpublishing hides the exhibition from citizens again. */
export async function setExhibitionStatus(
  deps: Deps,
  actor: Actor,
  id: string,
  status: 'draft' | 'published',
  /** The version the client saw (the API requires it); a stale one → 409. */
  version?: number,
): Promise<void> {
  const ex = await exhibitionForUpdate(deps, actor, id);
  authorize(actor, 'exhibitions.exhibition.publish', { unitId: ex.unitId });
  if (version !== undefined && version !== ex.version)
    throw new AppError('exhibitions.version_conflict', 409, 'catalogue.error.versionConflict');
  if (status === 'published' && ex.sectionCount === 0)
    throw new AppError('exhibitions.empty', 422, 'exhibitions.error.empty');
  await deps.db.transaction(async (tx) => {
    await deps.repos.exhibitions.setStatus(tx, id, status);
    await deps.audit.record(tx, actor, {
      action: status === 'published' ? 'exhibitions.exhibition.publish' : 'exhibitions.exhibition.unpublish',
      entityType: 'exhibition',
      entityId: id,
      unitId: ex.unitId,
      before: { status: ex.status },
      after: { status },
    });
  });
}

/** Runs `fn` in a transaction that locks the exhibition, then audits `action` with `after`. */
async function changeContent<T>(
  deps: Deps,
  actor: Actor,
  ex: ExhibitionRow,
  action: string,
  fn: (tx: Db) => Promise<{ result: T; after: unknown }>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    await deps.repos.exhibitions.touch(tx, ex.id);
    const { result, after } = await fn(tx);
    await deps.audit.record(tx, actor, {
      action,
      entityType: 'exhibition',
      entityId: ex.id,
      unitId: ex.unitId,
      after,
    });
    return result;
  });
}

export async function addSection(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  input: SectionInput,
): Promise<SectionValues> {
  const ex = await exhibitionForUpdate(deps, actor, exhibitionId);
  return changeContent(deps, actor, ex, 'exhibitions.section.create', async (tx) => {
    const sections = await deps.repos.exhibitions.listSections(tx, ex.id);
    const section: SectionValues = {
      id: newId('exs'),
      exhibitionId: ex.id,
      position: sections.length,
      headingVi: clean(input.headingVi),
      headingEn: cleanOpt(input.headingEn),
      bodyVi: cleanOpt(input.bodyVi),
      bodyEn: cleanOpt(input.bodyEn),
    };
    await deps.repos.exhibitions.insertSection(tx, section);
    return { result: section, after: section };
  });
}

export async function sectionOf(deps: Deps, actor: Actor, exhibitionId: string, sectionId: string) {
  const ex = await exhibitionForUpdate(deps, actor, exhibitionId);
  const sections = await deps.repos.exhibitions.listSections(deps.db, ex.id);
  const section = sections.find((s) => s.id === sectionId);
  if (!section) throw notFound('exhibitions.section');
  return { ex, section };
}

export async function updateSection(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
  input: SectionEdit,
): Promise<void> {
  const { ex, section } = await sectionOf(deps, actor, exhibitionId, sectionId);
  checkVersion('exhibitions.section', section.version, input.version);
  const next = {
    id: section.id,
    headingVi: clean(input.headingVi),
    headingEn: cleanOpt(input.headingEn),
    bodyVi: cleanOpt(input.bodyVi),
    bodyEn: cleanOpt(input.bodyEn),
  };
  await changeContent(deps, actor, ex, 'exhibitions.section.update', async (tx) => {
    if (!(await deps.repos.exhibitions.updateSection(tx, next, input.version)))
      throw staleVersion('exhibitions.section');
    return { result: undefined, after: { before: section, after: next } };
  });
}

export async function deleteSection(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
): Promise<void> {
  const { ex, section } = await sectionOf(deps, actor, exhibitionId, sectionId);
  await changeContent(deps, actor, ex, 'exhibitions.section.delete', async (tx) => {
    await deps.repos.exhibitions.deleteSection(tx, section.id);
    const rest = await deps.repos.exhibitions.listSections(tx, ex.id);
    await deps.repos.exhibitions.orderSections(
      tx,
      ex.id,
      rest.map((s) => s.id),
    );
    return { result: undefined, after: { deleted: section } };
  });
}

/** `ids` with `id` swapped with its neighbour; unchanged at either end. */
export function moved(ids: readonly string[], id: string, direction: Direction): string[] {
  const out = [...ids];
  const i = out.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j] as string, out[i] as string];
  return out;
}

export async function moveSection(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
  direction: Direction,
): Promise<void> {
  const { ex } = await sectionOf(deps, actor, exhibitionId, sectionId);
  await changeContent(deps, actor, ex, 'exhibitions.section.move', async (tx) => {
    const ids = (await deps.repos.exhibitions.listSections(tx, ex.id)).map((s) => s.id);
    const order = moved(ids, sectionId, direction);
    await deps.repos.exhibitions.orderSections(tx, ex.id, order);
    return { result: undefined, after: { order } };
  });
}

async function nextItemPosition(deps: Deps, tx: Db, sectionId: string): Promise<number> {
  return (await deps.repos.exhibitions.listItems(tx, [sectionId])).length;
}

/** Adds a catalogue object; a draft record of another unit cannot be shown (it is not the actor's to reveal). */
export async function addRecordItem(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
  input: RecordItemInput,
): Promise<string> {
  const { ex } = await sectionOf(deps, actor, exhibitionId, sectionId);
  const record = await deps.repos.catalogue.getRecord(deps.db, input.recordId);
  if (
    !record ||
    (!record.published && !can(actor, 'catalogue.record.read_unpublished', { unitId: record.unitId }))
  )
    throw new AppError('exhibitions.record_unknown', 422, 'exhibitions.error.recordUnknown');
  return changeContent(deps, actor, ex, 'exhibitions.item.create', async (tx) => {
    const item = {
      id: newId('exi'),
      sectionId,
      position: await nextItemPosition(deps, tx, sectionId),
      recordId: record.id,
      fileId: null,
      altVi: null,
      altEn: null,
      captionVi: cleanOpt(input.captionVi),
      captionEn: cleanOpt(input.captionEn),
    };
    await deps.repos.exhibitions.insertItem(tx, item);
    return { result: item.id, after: item };
  });
}

/** Places an already stored image (the upload is in exhibitions.images.ts) with its required alt text. */
export async function addImageItem(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
  fileId: string,
  text: ImageText,
): Promise<string> {
  const altVi = clean(text.altVi);
  if (!altVi) throw new AppError('exhibitions.alt_required', 422, 'exhibitions.error.altRequired');
  const { ex } = await sectionOf(deps, actor, exhibitionId, sectionId);
  return changeContent(deps, actor, ex, 'exhibitions.item.create', async (tx) => {
    const item = {
      id: newId('exi'),
      sectionId,
      position: await nextItemPosition(deps, tx, sectionId),
      recordId: null,
      fileId,
      altVi,
      altEn: cleanOpt(text.altEn),
      captionVi: cleanOpt(text.captionVi),
      captionEn: cleanOpt(text.captionEn),
    };
    await deps.repos.exhibitions.insertItem(tx, item);
    return { result: item.id, after: item };
  });
}

async function itemOf(deps: Deps, actor: Actor, exhibitionId: string, sectionId: string, itemId: string) {
  const { ex } = await sectionOf(deps, actor, exhibitionId, sectionId);
  const items = await deps.repos.exhibitions.listItems(deps.db, [sectionId]);
  const item = items.find((i) => i.id === itemId);
  if (!item) throw notFound('exhibitions.item');
  return { ex, item };
}

export async function removeItem(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
  itemId: string,
): Promise<void> {
  const { ex, item } = await itemOf(deps, actor, exhibitionId, sectionId, itemId);
  await changeContent(deps, actor, ex, 'exhibitions.item.delete', async (tx) => {
    await deps.repos.exhibitions.deleteItem(tx, item.id);
    const rest = await deps.repos.exhibitions.listItems(tx, [sectionId]);
    await deps.repos.exhibitions.orderItems(
      tx,
      sectionId,
      rest.map((i) => i.id),
    );
    return { result: undefined, after: { deleted: item.id, recordId: item.recordId, fileId: item.fileId } };
  });
}

export async function moveItem(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
  itemId: string,
  direction: Direction,
): Promise<void> {
  const { ex } = await itemOf(deps, actor, exhibitionId, sectionId, itemId);
  await changeContent(deps, actor, ex, 'exhibitions.item.move', async (tx) => {
    const ids = (await deps.repos.exhibitions.listItems(tx, [sectionId])).map((i) => i.id);
    const order = moved(ids, itemId, direction);
    await deps.repos.exhibitions.orderItems(tx, sectionId, order);
    return { result: undefined, after: { sectionId, order } };
  });
}
