// Spreadsheet import as a resumable background job (shared jobs queue, kind `catalogue.tabular.import`).
// Every BATCH data rows are mapped, matched and written in ONE transaction together with the import's progress,
// its report lines and the resume row, so a crash loses at most one uncommitted batch and the next run (the
// queue hands the job out again when its lease expires) continues after the last committed one. The import
// row is locked per batch and the resume row checked, so two runners can never write the same batch.
// Idempotent: a row matches a record of the same unit on inventory number, identifier or ISBN (else on its
// content hash); an unchanged row (same hash) is skipped and bumps no version.
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../../app/deps.types.ts';
import { ANONYMOUS } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import type { Job } from '../../jobs/jobs.repository.server.ts';
import { newId } from '../catalogue.ids.server.ts';
import { type HoldingValues, type RecordValues, recordWords } from '../catalogue.repository.server.ts';
import { toHoldingValues, toRecordValues } from '../catalogue.usecases.server.ts';
import type { TabularBatch, TabularImport, TabularMatch } from './csv.repository.server.ts';
import { type MappedRow, type MappingContext, mapRow, type RowIssue } from './mapping.server.ts';
import { readTabular } from './read.server.ts';
import type { TabularRow } from './tabular.types.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'logger'>;

export const TABULAR_BATCH = 500;
export const TABULAR_JOB_KIND = 'catalogue.tabular.import';

/** Another runner committed this batch first: this one stops quietly. */
class Superseded extends Error {}

const HOLDING_FIELDS = new Set(['callNumber', 'location', 'availability', 'barcode']);

interface RunState {
  job: TabularImport;
  ctx: MappingContext;
  holdingsMapped: boolean;
  /** Match key → row number of its first occurrence in this run (duplicates inside the file). */
  seen: Map<string, number>;
  resumeRow: number;
}

/** Runs (or resumes) an import to the end. A queued/running import continues at its committed resume row. */
export async function runTabularImport(
  deps: Deps,
  importId: string,
  opts: { lastAttempt?: boolean } = {},
): Promise<TabularImport> {
  const { catalogueTabular } = deps.repos;
  const job = await catalogueTabular.get(deps.db, importId);
  if (!job) throw notFound('catalogue.tabular');
  if (job.status !== 'queued' && job.status !== 'running') return job;
  if (!(await catalogueTabular.setStatus(deps.db, importId, ['queued', 'running'], 'running'))) return job;
  const state: RunState = {
    job,
    ctx: {
      unitId: job.unitId,
      publish: job.publish,
      defaultType: job.defaultType,
      columns: job.columns,
    },
    holdingsMapped: Object.values(job.mapping).some((f) => HOLDING_FIELDS.has(f)),
    seen: new Map(),
    resumeRow: job.resumeRow,
  };
  try {
    if (!job.filePath)
      throw new AppError('catalogue.tabular.file_missing', 422, 'catalogueTabular.error.fileMissing');
    const source = {
      path: job.filePath,
      format: job.format,
      encoding: job.encoding,
      delimiter: job.delimiter,
    };
    let batch: TabularRow[] = [];
    // A read error (a file damaged since it was checked, an I/O error) still commits the rows read before it.
    let readFailure: unknown;
    const rows = readTabular(source, job.resumeRow);
    for (;;) {
      let step: IteratorResult<TabularRow | { header: string[] }>;
      try {
        step = await rows.next();
      } catch (e) {
        readFailure = e;
        break;
      }
      if (step.done) break;
      const item = step.value;
      if ('header' in item) continue;
      batch.push(item);
      if (batch.length >= TABULAR_BATCH) {
        await commitBatch(deps, state, batch);
        batch = [];
      }
    }
    if (batch.length) await commitBatch(deps, state, batch);
    if (readFailure) throw readFailure;
    await finishAndNotify(deps, job, 'done', null);
    await rm(job.filePath, { force: true });
  } catch (e) {
    if (e instanceof Superseded) return (await catalogueTabular.get(deps.db, importId)) ?? job;
    const expected = e instanceof AppError || (e as { code?: unknown }).code === 'ENOENT';
    if (!expected && !opts.lastAttempt) throw e; // the queue retries; the next run resumes
    if (!expected) deps.logger.error({ err: e, importId }, 'catalogue tabular import failed');
    const reason =
      e instanceof AppError
        ? e.messageKey
        : expected
          ? 'catalogueTabular.error.fileMissing'
          : 'catalogueTabular.error.internal';
    await finishAndNotify(deps, job, 'failed', reason);
  }
  return (await catalogueTabular.get(deps.db, importId)) ?? job;
}

/** Ends the import and tells the person who uploaded it (in-app notification, once per import). */
async function finishAndNotify(
  deps: Deps,
  job: TabularImport,
  status: 'done' | 'failed',
  failure: string | null,
): Promise<void> {
  const { catalogueTabular, notifications } = deps.repos;
  await deps.db.transaction(async (tx) => {
    await catalogueTabular.finish(tx, job.id, status, failure);
    const done = await catalogueTabular.get(tx, job.id);
    if (!done || !job.createdBy || !(await catalogueTabular.userExists(tx, job.createdBy))) return;
    await notifications.create(tx, {
      userId: job.createdBy,
      kind: 'catalogue.tabular.finished',
      messageKey: status === 'done' ? 'catalogueTabular.notify.done' : 'catalogueTabular.notify.failed',
      params: { file: done.fileName, imported: done.imported, updated: done.updated, failed: done.failed },
      link: `/admin/catalogue/import/tabular/${job.id}/progress`,
      dedupeKey: `catalogue.tabular.finished:${job.id}`,
    });
  });
}

/** The queue's handler: payload `{ importId }`; the last attempt records a failure instead of retrying. */
export async function tabularImportJob(deps: AppDeps, job: Job): Promise<void> {
  const importId = (job.payload as { importId?: unknown } | null)?.importId;
  if (typeof importId !== 'string') return;
  await runTabularImport(deps, importId, { lastAttempt: job.attempts >= job.maxAttempts });
}

type Candidate = Extract<MappedRow, { ok: true }>;

function matchFor(c: Candidate, matches: readonly TabularMatch[]): TabularMatch | undefined {
  const i = c.input;
  if (i.inventoryNo) return matches.find((m) => m.inventoryNo === i.inventoryNo);
  if (i.controlNumber)
    return matches.find((m) => m.controlSource === 'tabular' && m.controlNumber === i.controlNumber);
  if (i.isbn) return matches.find((m) => m.isbn === i.isbn);
  return matches.find((m) => m.sourceHash === c.hash);
}

async function commitBatch(deps: Deps, state: RunState, rows: readonly TabularRow[]): Promise<void> {
  const { job, ctx, seen } = state;
  const issues: RowIssue[] = [];
  const candidates: Candidate[] = [];
  const progress: TabularBatch = {
    processed: 0,
    imported: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    warnings: 0,
    resumeRow: (rows.at(-1)?.index ?? state.resumeRow - 1) + 1,
  };
  for (const row of rows) {
    const mapped = mapRow(row, job.mapping, ctx);
    if (!mapped.ok && mapped.blank) continue;
    progress.processed++;
    const warnings = mapped.ok ? mapped.warnings : mapped.issues.filter((i) => i.severity === 'warning');
    if (warnings.length) progress.warnings++;
    if (!mapped.ok) {
      progress.failed++;
      issues.push(...mapped.issues);
      continue;
    }
    issues.push(...warnings);
    const earlier = seen.get(mapped.matchKey);
    if (earlier !== undefined) {
      progress.failed++;
      issues.push({
        rowNumber: row.rowNumber,
        severity: 'error',
        code: 'duplicateInFile',
        params: { row: earlier },
      });
      continue;
    }
    seen.set(mapped.matchKey, row.rowNumber);
    candidates.push(mapped);
  }
  const { catalogue, catalogueSearch, catalogueTabular } = deps.repos;
  await deps.db.transaction(async (tx) => {
    const locked = await catalogueTabular.get(tx, job.id, { lock: true });
    if (!locked || locked.resumeRow !== state.resumeRow || locked.status !== 'running')
      throw new Superseded();
    const matches = await catalogueTabular.findMatches(tx, job.unitId, {
      inventoryNos: candidates.flatMap((c) => (c.input.inventoryNo ? [c.input.inventoryNo] : [])),
      identifiers: candidates.flatMap((c) =>
        !c.input.inventoryNo && c.input.controlNumber ? [c.input.controlNumber] : [],
      ),
      isbns: candidates.flatMap((c) =>
        !c.input.inventoryNo && !c.input.controlNumber && c.input.isbn ? [c.input.isbn] : [],
      ),
      hashes: candidates.flatMap((c) => (c.matchKey.startsWith('hash:') ? [c.hash] : [])),
    });
    const inserts: RecordValues[] = [];
    const insertHoldings: HoldingValues[] = [];
    const words = new Map<string, number>();
    for (const c of candidates) {
      const match = matchFor(c, matches);
      if (match?.sourceHash === c.hash) {
        progress.skipped++;
        continue;
      }
      const values = toRecordValues(match?.id ?? newId('rec'), c.input, 'csv', c.hash);
      for (const w of recordWords(values)) words.set(w, (words.get(w) ?? 0) + 1);
      const holdings = toHoldingValues(values.id, job.unitId, c.input.holdings);
      if (!match) {
        inserts.push(values);
        insertHoldings.push(...holdings);
        progress.imported++;
        continue;
      }
      // Identifiers the spreadsheet does not carry (a MARC control number, an ISSN) are kept.
      values.controlNumber ??= match.controlNumber;
      values.controlSource =
        values.controlNumber === match.controlNumber && !c.input.controlNumber
          ? match.controlSource
          : values.controlSource;
      values.isbn ??= match.isbn;
      values.issn ??= match.issn;
      values.inventoryNo ??= match.inventoryNo;
      await catalogue.updateRecord(tx, values, null);
      if (state.holdingsMapped) await catalogue.replaceHoldings(tx, match.id, holdings);
      progress.updated++;
    }
    await catalogue.insertRecords(tx, inserts, insertHoldings);
    await catalogueSearch.addWords(tx, words);
    await catalogueTabular.recordBatch(tx, job.id, progress, issues);
    // Changes to existing records are the part of an import a cataloguer may need to trace back.
    if (progress.updated > 0) {
      await deps.audit.record(tx, ANONYMOUS, {
        action: 'catalogue.tabular.batch',
        entityType: 'catalogue_tabular_import',
        entityId: job.id,
        unitId: job.unitId,
        after: { imported: progress.imported, updated: progress.updated, resumeRow: progress.resumeRow },
      });
    }
  });
  state.resumeRow = progress.resumeRow;
}
