// Catalogue use cases: public search and record pages, staff create/edit. Import lives in catalogue.import.ts.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from './catalogue.ids.server.ts';
import {
  type HoldingRow,
  type HoldingValues,
  type RecordRow,
  type RecordValues,
  recordWords,
} from './catalogue.repository.server.ts';
import type { HoldingInput, RecordInput, RecordPatch, SearchQuery } from './catalogue.schemas.server.ts';
import type { SearchResult } from './search/search.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit'>;

export const PAGE_SIZE = 20;

export interface RecordView extends RecordRow {
  holdings: HoldingRow[];
}

const list = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

export async function searchCatalogue(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  q: SearchQuery,
): Promise<SearchResult & { page: number; pageSize: number }> {
  authorize(actor, 'catalogue.record.search');
  const result = await deps.repos.catalogueSearch.search(deps.db, {
    q: q.q ?? '',
    filters: {
      types: list(q.type),
      institutions: list(q.institution),
      languages: list(q.language),
      decades: list(q.decade),
      availability: list(q.availability),
    },
    sort: q.sort,
    page: q.page,
    pageSize: PAGE_SIZE,
  });
  return { ...result, page: q.page, pageSize: PAGE_SIZE };
}

export async function suggestCatalogue(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  q: string,
): Promise<string[]> {
  authorize(actor, 'catalogue.record.search');
  return deps.repos.catalogueSearch.suggest(deps.db, q, 8);
}

/** A published record for anyone; an unpublished one only for staff of its unit (others get 404, not 403). */
export async function getCatalogueRecord(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  id: string,
): Promise<RecordView> {
  authorize(actor, 'catalogue.record.read');
  const record = await deps.repos.catalogue.getRecord(deps.db, id);
  if (
    !record ||
    (!record.published && !can(actor, 'catalogue.record.read_unpublished', { unitId: record.unitId }))
  )
    throw notFound('catalogue.record');
  return { ...record, holdings: await deps.repos.catalogue.listHoldings(deps.db, [id]) };
}

// Staff text is stored NFC (so search and exact ranking see one form) and without control characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const cleanText = (s: string) => s.normalize('NFC').replace(CONTROL, '');
const cleanOptional = (s: string | undefined | null) => (s ? cleanText(s) || null : null);

export function toRecordValues(
  id: string,
  input: RecordInput,
  source: RecordValues['source'],
  sourceHash: string | null,
): RecordValues {
  return {
    id,
    type: input.type,
    title: cleanText(input.title),
    creators: input.creators.map(cleanText).filter(Boolean),
    subjects: input.subjects.map(cleanText).filter(Boolean),
    dateText: cleanOptional(input.dateText),
    year: input.year ?? null,
    language: input.language ?? null,
    description: cleanOptional(input.description),
    rights: cleanOptional(input.rights),
    unitId: input.unitId,
    isbn: cleanOptional(input.isbn),
    issn: cleanOptional(input.issn),
    inventoryNo: cleanOptional(input.inventoryNo),
    controlNumber: cleanOptional(input.controlNumber),
    controlSource: cleanOptional(input.controlSource),
    published: input.published,
    details: input.details,
    source,
    sourceHash,
  };
}

export function toHoldingValues(
  recordId: string,
  defaultUnit: string,
  holdings: readonly HoldingInput[],
): HoldingValues[] {
  return holdings.map((h) => ({
    id: newId('hld'),
    recordId,
    unitId: h.unitId ?? defaultUnit,
    callNumber: cleanOptional(h.callNumber),
    location: cleanOptional(h.location),
    barcode: cleanOptional(h.barcode),
    availability: h.availability,
  }));
}

async function requireUnits(
  deps: Deps,
  actor: Actor,
  action: string,
  unitIds: readonly string[],
): Promise<void> {
  for (const unitId of new Set(unitIds)) {
    authorize(actor, action, { unitId });
    if (!(await deps.repos.catalogue.unitExists(deps.db, unitId)))
      throw new AppError('catalogue.unit_unknown', 422, 'catalogue.error.unknownUnit');
  }
}

function wordCounts(words: readonly string[]): Map<string, number> {
  return new Map(words.map((w) => [w, 1]));
}

export async function createCatalogueRecord(
  deps: Deps,
  actor: Actor,
  input: RecordInput,
): Promise<RecordView> {
  authorize(actor, 'catalogue.record.create', { unitId: input.unitId });
  await requireUnits(deps, actor, 'catalogue.record.create', [
    input.unitId,
    ...input.holdings.map((h) => h.unitId ?? input.unitId),
  ]);
  const id = newId('rec');
  const values = toRecordValues(id, input, 'manual', null);
  const holdings = toHoldingValues(id, input.unitId, input.holdings);
  await deps.db.transaction(async (tx) => {
    await deps.repos.catalogue.insertRecords(tx, [values], holdings);
    await deps.repos.catalogueSearch.addWords(tx, wordCounts(recordWords(values)));
    await deps.audit.record(tx, actor, {
      action: 'catalogue.record.create',
      entityType: 'catalogue_record',
      entityId: id,
      unitId: values.unitId,
      after: { ...values, holdings },
    });
  });
  return getCatalogueRecord(deps, actor, id);
}

/**
 * Creates records (with their copies) inside the caller's transaction: one step for another module's intake
 * (donated books). Same checks, values, search words and audit as a record created on the catalogue form.
 */
export async function createCatalogueRecordsIn(
  deps: Deps,
  tx: Deps['db'],
  actor: Actor,
  inputs: readonly RecordInput[],
): Promise<string[]> {
  for (const input of inputs)
    await requireUnits({ ...deps, db: tx }, actor, 'catalogue.record.create', [
      input.unitId,
      ...input.holdings.map((h) => h.unitId ?? input.unitId),
    ]);
  const ids: string[] = [];
  for (const input of inputs) {
    const id = newId('rec');
    const values = toRecordValues(id, input, 'manual', null);
    const holdings = toHoldingValues(id, input.unitId, input.holdings);
    await deps.repos.catalogue.insertRecords(tx, [values], holdings);
    await deps.repos.catalogueSearch.addWords(tx, wordCounts(recordWords(values)));
    await deps.audit.record(tx, actor, {
      action: 'catalogue.record.create',
      entityType: 'catalogue_record',
      entityId: id,
      unitId: values.unitId,
      after: { ...values, holdings },
    });
    ids.push(id);
  }
  return ids;
}

export async function updateCatalogueRecord(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: RecordPatch,
): Promise<RecordView> {
  const before = await deps.repos.catalogue.getRecord(deps.db, id);
  if (!before) {
    if (actor.kind !== 'user') authorize(actor, 'catalogue.record.update', {});
    throw notFound('catalogue.record');
  }
  // A draft of a unit the actor may not read answers like a missing record; a published one is public.
  const visible =
    before.published || can(actor, 'catalogue.record.read_unpublished', { unitId: before.unitId });
  authorizeEdit(actor, 'catalogue.record.update', before.unitId, visible, 'catalogue.record');
  const { version, holdings: holdingPatch, ...fields } = patch;
  const merged: RecordInput = {
    type: fields.type ?? before.type,
    title: fields.title ?? before.title,
    creators: fields.creators ?? before.creators,
    subjects: fields.subjects ?? before.subjects,
    dateText: 'dateText' in fields ? fields.dateText : (before.dateText ?? undefined),
    year: 'year' in fields ? fields.year : (before.year ?? undefined),
    language: 'language' in fields ? fields.language : (before.language ?? undefined),
    description: 'description' in fields ? fields.description : (before.description ?? undefined),
    rights: 'rights' in fields ? fields.rights : (before.rights ?? undefined),
    unitId: fields.unitId ?? before.unitId,
    isbn: 'isbn' in fields ? fields.isbn : (before.isbn ?? undefined),
    issn: 'issn' in fields ? fields.issn : (before.issn ?? undefined),
    inventoryNo: 'inventoryNo' in fields ? fields.inventoryNo : (before.inventoryNo ?? undefined),
    controlNumber: 'controlNumber' in fields ? fields.controlNumber : (before.controlNumber ?? undefined),
    controlSource: 'controlSource' in fields ? fields.controlSource : (before.controlSource ?? undefined),
    published: fields.published ?? before.published,
    details: fields.details ?? (before.details as RecordInput['details']),
    holdings: holdingPatch ?? [],
  };
  // Replacing holdings removes the current ones too: the actor must be allowed in their units as well.
  const current = holdingPatch ? await deps.repos.catalogue.listHoldings(deps.db, [id]) : [];
  await requireUnits(deps, actor, 'catalogue.record.update', [
    merged.unitId,
    ...(holdingPatch ?? []).map((h) => h.unitId ?? merged.unitId),
    ...current.map((h) => h.unitId),
  ]);
  const values = toRecordValues(id, merged, before.source, before.sourceHash);
  const holdings = holdingPatch ? toHoldingValues(id, merged.unitId, holdingPatch) : undefined;
  await deps.db.transaction(async (tx) => {
    const next = await deps.repos.catalogue.updateRecord(tx, values, version);
    if (next === undefined)
      throw new AppError('catalogue.version_conflict', 409, 'catalogue.error.versionConflict');
    if (holdings) await deps.repos.catalogue.replaceHoldings(tx, id, holdings);
    const old = new Set(recordWords(before));
    await deps.repos.catalogueSearch.addWords(tx, wordCounts(recordWords(values).filter((w) => !old.has(w))));
    await deps.audit.record(tx, actor, {
      action: 'catalogue.record.update',
      entityType: 'catalogue_record',
      entityId: id,
      unitId: values.unitId,
      before,
      after: { ...values, ...(holdings ? { holdings } : {}) },
    });
  });
  return getCatalogueRecord(deps, actor, id);
}
