// Spreadsheet import use cases: upload (→ a draft with suggested mapping), the mapping screen (save, preview),
// start (→ the background job), cancel, and reading an import with its validation report.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { newId } from '../catalogue.ids.server.ts';
import { RECORD_TYPES, type RecordType } from '../catalogue.schemas.server.ts';
import { PREVIEW_ROWS, REPORT_LIMIT } from '../catalogue.vocab.ts';
import { TABULAR_JOB_KIND } from './csv.import.server.ts';
import type { StoredIssue, TabularImport } from './csv.repository.server.ts';
import { type ColumnMapping, checkMapping, type MappedRow, mapRow } from './mapping.server.ts';
import { inspectTabularFile, readTabular } from './read.server.ts';
import type { TabularRow } from './tabular.types.ts';
import { suggestMapping } from './vocabulary.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit'>;
type ReadDeps = Pick<AppDeps, 'db' | 'repos'>;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;
const cleanFileName = (name: string) => name.replace(CONTROL, '').slice(0, 200) || 'upload.csv';

async function requireUnit(deps: ReadDeps, actor: Actor, unitId: string): Promise<void> {
  authorize(actor, 'catalogue.import.create', { unitId });
  if (!(await deps.repos.catalogue.unitExists(deps.db, unitId)))
    throw new AppError('catalogue.unit_unknown', 422, 'catalogue.error.unknownUnit');
}

/**
 * Reads an uploaded file already on disk (content decides CSV or XLSX), checks its limits and creates a draft
 * import with a mapping suggested from the headers. On any refusal the file is removed.
 */
export async function createTabularImport(
  deps: Deps,
  actor: Actor,
  input: { fileName: string; filePath: string; unitId: string },
): Promise<TabularImport> {
  try {
    await requireUnit(deps, actor, input.unitId);
    const inspected = await inspectTabularFile(input.filePath, 0);
    const id = newId('imp');
    const { size } = await stat(input.filePath);
    const sha256 = await sha256File(input.filePath);
    await deps.db.transaction(async (tx) => {
      await deps.repos.catalogueTabular.create(tx, {
        id,
        fileName: cleanFileName(input.fileName),
        format: inspected.source.format,
        encoding: inspected.source.encoding,
        delimiter: inspected.source.delimiter,
        filePath: input.filePath,
        fileSize: size,
        sha256,
        unitId: input.unitId,
        columns: inspected.columns,
        mapping: suggestMapping(inspected.columns),
        totalRows: inspected.totalRows,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      });
      await deps.audit.record(tx, actor, {
        action: 'catalogue.tabular.create',
        entityType: 'catalogue_tabular_import',
        entityId: id,
        unitId: input.unitId,
        after: { fileName: input.fileName, format: inspected.source.format, fileSize: size, sha256 },
      });
    });
    return await getTabularImport(deps, actor, id);
  } catch (e) {
    await rm(input.filePath, { force: true });
    throw e;
  }
}

export async function getTabularImport(deps: ReadDeps, actor: Actor, id: string): Promise<TabularImport> {
  const job = await deps.repos.catalogueTabular.get(deps.db, id);
  // Imports are never public: another unit's answers like a missing one.
  if (!job || !can(actor, 'catalogue.import.read', { unitId: job.unitId })) {
    if (actor.kind !== 'user') authorize(actor, 'catalogue.import.read', {});
    throw notFound('catalogue.tabular');
  }
  return job;
}

export async function listTabularImports(deps: ReadDeps, actor: Actor): Promise<TabularImport[]> {
  authorize(actor, 'catalogue.import.list');
  const jobs = await deps.repos.catalogueTabular.list(deps.db, 200);
  return jobs.filter((j) => can(actor, 'catalogue.import.read', { unitId: j.unitId })).slice(0, 50);
}

export interface MappingInput {
  /** Column index (as a string, from the form) → field name or `ignore`. */
  mapping: Record<string, string>;
  unitId: string;
  publish: boolean;
  defaultType: string;
}

function validMapping(
  job: TabularImport,
  input: MappingInput,
): { mapping: ColumnMapping; defaultType: RecordType } {
  if (!(RECORD_TYPES as readonly string[]).includes(input.defaultType))
    throw new AppError('catalogue.tabular.type', 422, 'catalogueTabular.error.defaultType');
  const checked = checkMapping(input.mapping, job.columns.length);
  if (!checked.ok)
    throw checked.error === 'titleMissing'
      ? new AppError('catalogue.tabular.title_unmapped', 422, 'catalogueTabular.error.titleUnmapped')
      : new AppError('catalogue.tabular.duplicate_field', 422, 'catalogueTabular.error.fieldTwice', {
          params: { field: checked.field ?? '' },
        });
  return { mapping: checked.mapping, defaultType: input.defaultType as RecordType };
}

async function checkDraftInput(deps: Deps, actor: Actor, job: TabularImport, input: MappingInput) {
  await requireUnit(deps, actor, input.unitId);
  if (input.unitId !== job.unitId) authorize(actor, 'catalogue.import.create', { unitId: job.unitId });
  return validMapping(job, input);
}

/** Saves the mapping screen's choices (a draft only). Errors name the problem (no title column, …). */
export async function saveTabularMapping(
  deps: Deps,
  actor: Actor,
  id: string,
  input: MappingInput,
): Promise<TabularImport> {
  const job = await getTabularImport(deps, actor, id);
  const { mapping, defaultType } = await checkDraftInput(deps, actor, job, input);
  await deps.db.transaction(async (tx) => {
    const m = { mapping, unitId: input.unitId, publish: input.publish, defaultType };
    if (!(await deps.repos.catalogueTabular.saveMapping(tx, id, m)))
      throw new AppError('catalogue.tabular.not_draft', 409, 'catalogueTabular.error.notDraft');
    await deps.audit.record(tx, actor, {
      action: 'catalogue.tabular.map',
      entityType: 'catalogue_tabular_import',
      entityId: id,
      unitId: input.unitId,
      before: {
        mapping: job.mapping,
        unitId: job.unitId,
        publish: job.publish,
        defaultType: job.defaultType,
      },
      after: m,
    });
  });
  return getTabularImport(deps, actor, id);
}

/** Saves the mapping and queues the import job (exactly once per import). */
export async function startTabularImport(
  deps: Deps,
  actor: Actor,
  id: string,
  input: MappingInput,
): Promise<TabularImport> {
  const job = await getTabularImport(deps, actor, id);
  const { mapping, defaultType } = await checkDraftInput(deps, actor, job, input);
  await deps.db.transaction(async (tx) => {
    const m = { mapping, unitId: input.unitId, publish: input.publish, defaultType };
    if (!(await deps.repos.catalogueTabular.saveMapping(tx, id, m)))
      throw new AppError('catalogue.tabular.not_draft', 409, 'catalogueTabular.error.notDraft');
    await deps.repos.catalogueTabular.setStatus(tx, id, ['draft'], 'queued');
    await deps.repos.jobs.enqueue(tx, {
      kind: TABULAR_JOB_KIND,
      payload: { importId: id },
      dedupeKey: `${TABULAR_JOB_KIND}:${id}`,
    });
    await deps.audit.record(tx, actor, {
      action: 'catalogue.tabular.start',
      entityType: 'catalogue_tabular_import',
      entityId: id,
      unitId: input.unitId,
      after: m,
    });
  });
  return getTabularImport(deps, actor, id);
}

/** Discards a draft and its uploaded file. */
export async function cancelTabularImport(deps: Deps, actor: Actor, id: string): Promise<TabularImport> {
  const job = await getTabularImport(deps, actor, id);
  authorize(actor, 'catalogue.import.create', { unitId: job.unitId });
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.catalogueTabular.setStatus(tx, id, ['draft'], 'cancelled')))
      throw new AppError('catalogue.tabular.not_draft', 409, 'catalogueTabular.error.notDraft');
    await deps.audit.record(tx, actor, {
      action: 'catalogue.tabular.cancel',
      entityType: 'catalogue_tabular_import',
      entityId: id,
      unitId: job.unitId,
    });
  });
  if (job.filePath) await rm(job.filePath, { force: true });
  return getTabularImport(deps, actor, id);
}

export interface PreviewRow {
  row: TabularRow;
  mapped: MappedRow;
}

/**
 * The first non-blank rows as the import will see them with `mapping` (the saved one by default): the same
 * mapRow the job uses, so the preview's records and reasons are exactly what the import will do.
 */
export async function previewTabularImport(
  deps: ReadDeps,
  actor: Actor,
  id: string,
  override?: { mapping: ColumnMapping; defaultType: RecordType; publish: boolean; unitId: string },
): Promise<PreviewRow[]> {
  const job = await getTabularImport(deps, actor, id);
  if (job.status !== 'draft' || !job.filePath) return [];
  const source = { path: job.filePath, format: job.format, encoding: job.encoding, delimiter: job.delimiter };
  const ctx = {
    unitId: override?.unitId ?? job.unitId,
    publish: override?.publish ?? job.publish,
    defaultType: override?.defaultType ?? job.defaultType,
    columns: job.columns,
  };
  const mapping = override?.mapping ?? job.mapping;
  const out: PreviewRow[] = [];
  for await (const item of readTabular(source)) {
    if ('header' in item) continue;
    const mapped = mapRow(item, mapping, ctx);
    if (!mapped.ok && mapped.blank) continue;
    out.push({ row: item, mapped });
    if (out.length >= PREVIEW_ROWS) break;
  }
  return out;
}

/** Parses the mapping screen's choices without saving them (for a preview of an invalid mapping). */
export function previewMapping(job: TabularImport, input: MappingInput) {
  return validMapping(job, input);
}

export async function listTabularIssues(
  deps: ReadDeps,
  actor: Actor,
  id: string,
  limit = REPORT_LIMIT,
): Promise<StoredIssue[]> {
  const job = await getTabularImport(deps, actor, id);
  return deps.repos.catalogueTabular.listIssues(deps.db, job.id, limit);
}

export { PREVIEW_ROWS, REPORT_LIMIT };
