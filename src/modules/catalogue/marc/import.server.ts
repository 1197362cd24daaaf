// MARC import as a resumable job. The file is read as a stream (constant memory); every BATCH records are
// matched, written and counted in ONE transaction together with the job's progress and resume offset, so a
// crash loses at most the uncommitted batch and a restart continues after the last committed one.
// Idempotent: a record matches on 001+003 (else ISBN); an unchanged record (same content hash) is skipped,
// so importing a file twice changes nothing and bumps no version.
// It runs as a job (MARC_IMPORT_JOB, enqueued with the import row): the job runner claims it with a lease,
// which the running import keeps renewing; a process that dies stops renewing, and the runner claims the job
// again once the lease runs out, so the import continues from its committed offset.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can } from '../../../app/policies.server.ts';
import type { Db } from '../../../db/client.server.ts';
import { type Actor, ANONYMOUS } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { newId } from '../../../lib/ids.server.ts';
import type { Job } from '../../jobs/jobs.repository.server.ts';
import {
  type HoldingValues,
  type ImportMatch,
  type RecordValues,
  recordWords,
} from '../catalogue.repository.server.ts';
import { toHoldingValues, toRecordValues } from '../catalogue.usecases.server.ts';
import type { BatchProgress, ImportError, ImportFormat, ImportJob } from './import.repository.server.ts';
import { readIso2709 } from './iso2709.ts';
import type { MarcReadResult } from './marc.types.ts';
import { marcToRecord } from './marc-map.server.ts';
import { openMarcXml } from './marcxml-reader.server.ts';

type Deps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'audit' | 'logger'>;

export const IMPORT_BATCH = 1000;
export const MARC_IMPORT_JOB = 'catalogue.marc.import';
/** How long the claim on a running import lasts, renewed every third of it while the import runs. */
const LEASE_SECONDS = 300;

export interface StartImportInput {
  fileName: string;
  format: ImportFormat;
  filePath: string;
  fileSize: number;
  unitId: string;
  publish: boolean;
}

/** ISO 2709 starts with five digits; MARCXML with `<` (after an optional BOM and whitespace). */
export function detectFormat(head: Uint8Array): ImportFormat | undefined {
  const text = new TextDecoder()
    .decode(head.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^\d{5}/.test(text)) return 'iso2709';
  if (text.startsWith('<')) return 'marcxml';
  return undefined;
}

export async function startMarcImport(deps: Deps, actor: Actor, input: StartImportInput): Promise<ImportJob> {
  authorize(actor, 'catalogue.import.create', { unitId: input.unitId });
  if (!(await deps.repos.catalogue.unitExists(deps.db, input.unitId)))
    throw new AppError('catalogue.unit_unknown', 422, 'catalogue.error.unknownUnit');
  const id = newId('imp');
  await deps.db.transaction(async (tx) => {
    await deps.repos.catalogueImports.create(tx, {
      id,
      fileName: input.fileName.slice(0, 200),
      format: input.format,
      filePath: input.filePath,
      fileSize: input.fileSize,
      unitId: input.unitId,
      publish: input.publish,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await enqueueMarcImport(deps, tx, id);
    await deps.audit.record(tx, actor, {
      action: 'catalogue.import.create',
      entityType: 'catalogue_import_job',
      entityId: id,
      unitId: input.unitId,
      after: {
        fileName: input.fileName,
        format: input.format,
        fileSize: input.fileSize,
        publish: input.publish,
      },
    });
  });
  const job = await deps.repos.catalogueImports.get(deps.db, id);
  if (!job) throw notFound('catalogue.import');
  return job;
}

export async function getImportJob(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  id: string,
): Promise<ImportJob> {
  const job = await deps.repos.catalogueImports.get(deps.db, id);
  // Imports are never public: another unit's answers like a missing one.
  if (!job || !can(actor, 'catalogue.import.read', { unitId: job.unitId })) {
    if (actor.kind !== 'user') authorize(actor, 'catalogue.import.read', {});
    throw notFound('catalogue.import');
  }
  return job;
}

export async function listImportJobs(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
): Promise<ImportJob[]> {
  authorize(actor, 'catalogue.import.list');
  const jobs = await deps.repos.catalogueImports.list(deps.db, 200);
  return jobs.filter((j) => can(actor, 'catalogue.import.read', { unitId: j.unitId })).slice(0, 50);
}

// Jobs running in this process (pages and start-up share this module: one copy per process, ADR 0009).
const running = new Set<string>();

/** Runs (or resumes) a job to the end. Safe to call again after a crash: it starts at the committed offset. */
export async function runMarcImport(deps: Deps, jobId: string): Promise<ImportJob> {
  if (running.has(jobId))
    throw new AppError('catalogue.import_running', 409, 'catalogue.error.importRunning');
  running.add(jobId);
  try {
    const job = await deps.repos.catalogueImports.get(deps.db, jobId);
    if (!job) throw notFound('catalogue.import');
    if (job.status === 'done' || job.status === 'failed') return job;
    if (!job.filePath) throw new AppError('catalogue.import_file_missing', 422, 'catalogue.error.importFile');
    await deps.repos.catalogueImports.markRunning(deps.db, jobId);
    try {
      const items =
        job.format === 'iso2709'
          ? readIso2709(
              createReadStream(job.filePath, { start: job.resumeOffset, highWaterMark: 1 << 18 }),
              job.resumeOffset,
            )
          : await openMarcXml(job.filePath, job.resumeOffset, job.processed);
      // Pipelined: while batches are written (in the database), the next is read and mapped (here). On
      // PostgreSQL two batches are written at once on two connections (the database is the bottleneck and
      // has a second core); they still COMMIT one after another in file order — a batch waits for the one
      // before it, and rolls back if that one failed — so the resume offset stays exact.
      const writers = deps.dbh.kind === 'postgres' ? 2 : 1;
      let batch: MarcReadResult[] = [];
      const committing: Array<Promise<void>> = [];
      let lastKeys = new Map<string, number>();
      const hand = async (items: readonly MarcReadResult[]) => {
        const prepared = prepareBatch(job, items, lastKeys);
        lastKeys = prepared.keys;
        // At most `writers` batches open: every batch before those has committed, so matching sees it.
        await committing.at(-writers);
        const commit = writeBatch(deps, job, prepared, committing.at(-1) ?? Promise.resolve());
        commit.catch(() => undefined); // awaited (and rethrown) by the next batches or at the end
        committing.push(commit);
        if (committing.length > writers) committing.shift();
      };
      // Whatever stops the reading (damage in the file, a read error), the records read before it are
      // committed first: only then is the job marked failed.
      let damaged: string | undefined;
      let readFailure: unknown;
      const reader = items[Symbol.asyncIterator]();
      for (;;) {
        let step: IteratorResult<MarcReadResult>;
        try {
          step = await reader.next();
        } catch (e) {
          readFailure = e;
          break;
        }
        if (step.done) break;
        const item = step.value;
        if (!item.ok && item.fatal) damaged = item.error;
        batch.push(item);
        // Parsing runs in microtasks; yielding now and then lets the database's answers (I/O callbacks)
        // through, so the batch being written moves on to its next statement while parsing continues.
        if (batch.length % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (batch.length >= IMPORT_BATCH) {
          await hand(batch);
          batch = [];
        }
      }
      if (batch.length) await hand(batch);
      await Promise.all(committing);
      if (readFailure) throw readFailure;
      await deps.repos.catalogueImports.finish(deps.db, jobId, damaged ? 'failed' : 'done', damaged ?? null);
    } catch (e) {
      const missing = e instanceof Error && 'code' in e && e.code === 'ENOENT';
      if (!missing) deps.logger.error({ err: e, jobId }, 'catalogue import failed');
      await deps.repos.catalogueImports.finish(
        deps.db,
        jobId,
        'failed',
        missing ? 'file not found' : 'internal error',
      );
    }
    const done = await deps.repos.catalogueImports.get(deps.db, jobId);
    if (!done) throw notFound('catalogue.import');
    return done;
  } finally {
    running.delete(jobId);
  }
}

function enqueueMarcImport(deps: Deps, db: Db, importId: string): Promise<string | null> {
  // One queue entry per import, ever (a second enqueue is a no-op); attempts cover crashes mid-import.
  return deps.repos.jobs.enqueue(db, {
    kind: MARC_IMPORT_JOB,
    payload: { importId },
    dedupeKey: `${MARC_IMPORT_JOB}:${importId}`,
    maxAttempts: 10,
  });
}

/** The job handler: runs (or resumes) the import, renewing the job's lease while it runs. */
export async function marcImportJob(deps: AppDeps, job: Job): Promise<void> {
  const importId = (job.payload as { importId?: unknown } | null)?.importId;
  if (typeof importId !== 'string') throw new Error('catalogue.marc.import: payload without importId');
  const renew = setInterval(
    () => {
      deps.repos.jobs
        .renewLease(deps.db, job.id, new Date(deps.now().getTime() + LEASE_SECONDS * 1000))
        .catch((err: unknown) =>
          deps.logger.error({ err, job: job.id }, 'catalogue import lease renewal failed'),
        );
    },
    (LEASE_SECONDS * 1000) / 3,
  );
  try {
    await runMarcImport(deps, importId);
  } finally {
    clearInterval(renew);
  }
}

/**
 * Imports left unfinished by a version that ran them in-process (before they were jobs) get their queue
 * entry; idempotent (one entry per import), so it runs on every start.
 */
export async function enqueueUnfinishedMarcImports(deps: Deps): Promise<void> {
  for (const id of await deps.repos.catalogueImports.unfinished(deps.db))
    await enqueueMarcImport(deps, deps.db, id);
}

const controlKey = (num: string, src: string | null) => `${num}\u0001${src ?? ''}`;

interface PreparedBatch {
  /** Match keys of this batch (record position by key), for the next batch's duplicate check. */
  keys: Map<string, number>;
  candidates: Array<{
    position: number;
    number: number | undefined;
    values: RecordValues;
    holdings: ReturnType<typeof toHoldingValues>;
    words: string[];
  }>;
  progress: BatchProgress;
}

/**
 * The CPU part of a batch: mapping, hashing, search words; bad records become errors with positions. A key
 * seen in this batch or the one before (which may not have committed yet) is reported as a duplicate.
 */
function prepareBatch(
  job: ImportJob,
  batch: readonly MarcReadResult[],
  earlier: ReadonlyMap<string, number>,
): PreparedBatch {
  const errors: ImportError[] = [];
  const candidates: PreparedBatch['candidates'] = [];
  const seen = new Map<string, number>();
  for (const item of batch) {
    const at = { position: item.position, ...(item.number ? { number: item.number } : {}) };
    if (!item.ok) {
      errors.push({ ...at, reason: item.error });
      continue;
    }
    const mapped = marcToRecord(item.record, { unitId: job.unitId, published: job.publish });
    if (!mapped.ok) {
      errors.push({ ...at, reason: mapped.error });
      continue;
    }
    const hash = createHash('sha256').update(JSON.stringify(mapped.input)).digest('base64url');
    const values = toRecordValues(newId('rec'), mapped.input, 'marc', hash);
    const key = values.controlNumber
      ? controlKey(values.controlNumber, values.controlSource)
      : values.isbn
        ? `isbn:${values.isbn}`
        : null;
    const first = key ? (seen.get(key) ?? earlier.get(key)) : undefined;
    if (key && first !== undefined) {
      errors.push({ ...at, reason: `duplicate of the record at ${first} in this file` });
      continue;
    }
    if (key) seen.set(key, item.position);
    candidates.push({
      position: item.position,
      number: item.number,
      values,
      holdings: toHoldingValues(values.id, job.unitId, mapped.input.holdings),
      words: recordWords(values),
    });
  }
  const progress: BatchProgress = {
    processed: batch.length,
    imported: 0,
    updated: 0,
    skipped: 0,
    failed: errors.length,
    errors,
    resumeOffset: batch.at(-1)?.next ?? job.resumeOffset,
  };
  return { keys: seen, candidates, progress };
}

/**
 * The database part of a batch: match, insert or update, dictionary, progress — one transaction, which
 * commits only after `before` (the previous batch) has committed, and rolls back if that one failed.
 */
async function writeBatch(
  deps: Deps,
  job: ImportJob,
  prepared: PreparedBatch,
  before: Promise<void>,
): Promise<void> {
  const { candidates, progress } = prepared;
  const errors = progress.errors;
  const { catalogue, catalogueSearch, catalogueImports } = deps.repos;
  await deps.db.transaction(async (tx) => {
    const controls = candidates.flatMap(({ values: v }) =>
      v.controlNumber ? [{ number: v.controlNumber, source: v.controlSource ?? '' }] : [],
    );
    // ISBN matters only for records without a control number (see the match below).
    const isbns = candidates.flatMap(({ values: v }) => (v.isbn && !v.controlNumber ? [v.isbn] : []));
    const matches = await catalogue.findImportMatches(tx, controls, isbns);
    const byControl = new Map<string, ImportMatch>();
    const byIsbn = new Map<string, ImportMatch>();
    for (const m of matches) {
      if (m.controlNumber) byControl.set(controlKey(m.controlNumber, m.controlSource), m);
      if (m.isbn) byIsbn.set(m.isbn, m);
    }
    const inserts: RecordValues[] = [];
    const insertHoldings: HoldingValues[] = [];
    const words = new Map<string, number>();
    for (const c of candidates) {
      const v = c.values;
      const match =
        (v.controlNumber ? byControl.get(controlKey(v.controlNumber, v.controlSource)) : undefined) ??
        (v.isbn && !v.controlNumber ? byIsbn.get(v.isbn) : undefined);
      if (match && match.sourceHash === v.sourceHash) {
        progress.skipped++;
        continue;
      }
      if (match && match.unitId !== job.unitId) {
        progress.failed++;
        errors.push({
          position: c.position,
          ...(c.number ? { number: c.number } : {}),
          reason: 'matches a record held by another unit; not changed',
        });
        continue;
      }
      for (const w of c.words) words.set(w, (words.get(w) ?? 0) + 1);
      if (!match) {
        inserts.push(v);
        insertHoldings.push(...c.holdings);
        progress.imported++;
        continue;
      }
      const updated = { ...v, id: match.id };
      await catalogue.updateRecord(tx, updated, null);
      await catalogue.replaceHoldings(
        tx,
        match.id,
        c.holdings.map((h) => ({ ...h, recordId: match.id })),
      );
      progress.updated++;
    }
    await catalogue.insertRecords(tx, inserts, insertHoldings);
    // Shared rows (dictionary words, the job's progress) last: the previous batch holds their locks until
    // it commits, and this batch must not commit before it anyway.
    await before;
    await catalogueSearch.addWords(tx, words);
    await catalogueImports.recordBatch(tx, job.id, progress);
    // Changes to existing records are the part of an import a cataloguer may need to trace back.
    if (progress.updated > 0) {
      await deps.audit.record(tx, ANONYMOUS, {
        action: 'catalogue.import.batch',
        entityType: 'catalogue_import_job',
        entityId: job.id,
        unitId: job.unitId,
        after: {
          imported: progress.imported,
          updated: progress.updated,
          resumeOffset: progress.resumeOffset,
        },
      });
    }
  });
}

/** Open units the actor may import records for (the upload form's choices). */
export async function importTargetUnits(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
): Promise<Array<{ id: string; name: string }>> {
  authorize(actor, 'catalogue.import.list');
  const units = await deps.repos.units.all(deps.db);
  return units
    .filter((u) => u.validTo === null && can(actor, 'catalogue.import.create', { unitId: u.id }))
    .map((u) => ({ id: u.id, name: u.name }));
}
