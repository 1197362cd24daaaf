import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can } from '../../../app/policies.server.ts';
import type { Db } from '../../../db/client.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import type { Job } from '../../jobs/jobs.repository.server.ts';
import { newId } from '../catalogue.ids.server.ts';
import type { LegacyEncoding } from './encodings.ts';
import type { ImportFormat, ImportJob } from './import.repository.server.ts';
import { type PreparedBatch, writeBatch } from './import-batch.server.ts';
import { canReadInWorker, type ReadBatch, readBatches, readBatchesInWorker } from './import-read.server.ts';

type Deps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'audit' | 'logger'>;

export { IMPORT_BATCH } from './import-read.server.ts';
/**
 * Files from this size would be read and prepared in a worker thread (kept for later imports) while the
 * import's thread drives the writes (ADR 0007 addendum 7). `null`: off unless a run asks for it
 * (`runMarcImport(…, { worker })`) — on the shared, loaded machine it was not faster (the database's CPU per
 * record is ~4× the app's, and the structured clone adds ~35 µs per record); the idle 1M run decides.
 */
export const WORKER_MIN_BYTES: number | null = null;
/**
 * The bulk path (migration 0185): the postings and title pairs of the records a batch inserts are queued and
 * built set-wise, in key order, every `FLUSH_EVERY` records and before the job ends (ADR 0007 addendum 5);
 * until then the new records are in the catalogue but not yet found by their words. Files from this size
 * (~4,000 MARC records) would take it; `null`: off unless a run asks for it (`runMarcImport(…, { bulk })`) —
 * on the shared machine it was not faster than the row path at 100k–200k loaded; the idle 1M measurement
 * decides.
 */
export const BULK_MIN_BYTES: number | null = null;
const FLUSH_EVERY = 100_000;
/** Queued records indexed per transaction of a flush (~85,000 postings). */
const FLUSH_CHUNK = 5_000;
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
  /** An 8-bit character set the uploader declares for an ISO 2709 file (MARC 21 cannot say it). */
  encoding?: LegacyEncoding | undefined;
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
      encoding: input.format === 'iso2709' ? (input.encoding ?? null) : null,
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
        ...(input.encoding ? { encoding: input.encoding } : {}),
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

/**
 * Builds the postings of every queued record (any job's), one transaction per `FLUSH_CHUNK` records; a crash
 * between chunks leaves the rest queued for the next flush. On PostgreSQL two chunks are built at once on two
 * connections (the queue is read with SKIP LOCKED, so they take different records): the flush runs while
 * nothing else of the import does, and the database has a second core.
 */
export async function flushDeferredPostings(deps: Deps): Promise<void> {
  const loop = async () => {
    while ((await deps.repos.catalogueImports.flushDeferredPostings(deps.db, FLUSH_CHUNK)) > 0);
  };
  await Promise.all(deps.dbh.kind === 'postgres' ? [loop(), loop()] : [loop()]);
}

export const FLUSH_PENDING_JOB = 'catalogue.flush-pending-postings';
/** Chunks one maintenance run builds at most (~100,000 records); what is left waits for the next run. */
const MAINTENANCE_CHUNKS = 20;

/**
 * The maintenance job (every 10 minutes): builds the postings of records still queued, e.g. by a run whose
 * last flush failed, which would otherwise be found by their words only after the next import. One chunk per
 * transaction on one connection, at most MAINTENANCE_CHUNKS per run; idempotent (the flush skips queued rows
 * another flush holds and postings that already exist). A bulk import running in this process flushes its own
 * queue, sorted over more records: the job leaves it alone then.
 */
export async function flushPendingPostingsJob(deps: AppDeps): Promise<void> {
  if (running.size) return;
  let built = 0;
  for (let chunk = 0; chunk < MAINTENANCE_CHUNKS; chunk++) {
    const n = await deps.repos.catalogueImports.flushDeferredPostings(deps.db, FLUSH_CHUNK);
    built += n;
    if (n < FLUSH_CHUNK) break;
  }
  if (built) deps.logger.info({ built }, 'catalogue: queued postings built by the maintenance job');
}

/**
 * Runs (or resumes) a job to the end. Safe to call again after a crash: it starts at the committed offset.
 * `bulk` and `worker` override the choices by file size (`BULK_MIN_BYTES`, `WORKER_MIN_BYTES`).
 */
export async function runMarcImport(
  deps: Deps,
  jobId: string,
  options: { bulk?: boolean; worker?: boolean } = {},
): Promise<ImportJob> {
  if (running.has(jobId))
    throw new AppError('catalogue.import_running', 409, 'catalogue.error.importRunning');
  running.add(jobId);
  try {
    const job = await deps.repos.catalogueImports.get(deps.db, jobId);
    if (!job) throw notFound('catalogue.import');
    if (job.status === 'done' || job.status === 'failed') return job;
    if (!job.filePath) throw new AppError('catalogue.import_file_missing', 422, 'catalogue.error.importFile');
    await deps.repos.catalogueImports.markRunning(deps.db, jobId);
    let reader: AsyncGenerator<ReadBatch> | undefined;
    try {
      const inWorker =
        (options.worker ?? (WORKER_MIN_BYTES !== null && job.fileSize >= WORKER_MIN_BYTES)) &&
        canReadInWorker();
      reader = inWorker ? readBatchesInWorker(job) : readBatches(job);
      // Pipelined: while batches are written (in the database), the next is read and mapped (here, or in a
      // worker thread). On PostgreSQL two batches are written at once on two connections (the database is
      // the bottleneck and has a second core); they still COMMIT one after another in file order — a batch
      // waits for the one before it, and rolls back if that one failed — so the resume offset stays exact.
      const writers = deps.dbh.kind === 'postgres' ? 2 : 1;
      const bulk = options.bulk ?? (BULK_MIN_BYTES !== null && job.fileSize >= BULK_MIN_BYTES);
      let deferred = 0;
      const committing: Array<Promise<void>> = [];
      const hand = async (prepared: PreparedBatch) => {
        // At most `writers` batches open: every batch before those has committed, so matching sees it.
        await committing.at(-writers);
        const commit = writeBatch(deps, job, prepared, committing.at(-1) ?? Promise.resolve(), bulk);
        commit.catch(() => undefined); // awaited (and rethrown) by the next batches or at the end
        committing.push(commit);
        if (committing.length > writers) committing.shift();
        if (!bulk) return;
        deferred += prepared.candidates.length;
        if (deferred >= FLUSH_EVERY) {
          await Promise.all(committing);
          await flushDeferredPostings(deps);
          deferred = 0;
        }
      };
      // Whatever stops the reading (damage in the file, a read error), the records read before it are
      // committed first: only then is the job marked failed.
      let damaged: string | undefined;
      let readFailure: unknown;
      for (;;) {
        let step: IteratorResult<ReadBatch>;
        try {
          step = await reader.next();
        } catch (e) {
          readFailure = e;
          break;
        }
        if (step.done) break;
        if (step.value.damaged) damaged = step.value.damaged;
        await hand(step.value.prepared);
      }
      await Promise.all(committing);
      // Queued postings (this run's, and a crashed run's) are built before the job is done or failed.
      await flushDeferredPostings(deps);
      if (readFailure) throw readFailure;
      await deps.repos.catalogueImports.finish(deps.db, jobId, damaged ? 'failed' : 'done', damaged ?? null);
    } catch (e) {
      const missing = e instanceof Error && 'code' in e && e.code === 'ENOENT';
      if (!missing) deps.logger.error({ err: e, jobId }, 'catalogue import failed');
      // The batches committed before the failure stay imported: their queued postings are built too.
      await flushDeferredPostings(deps).catch((err: unknown) =>
        deps.logger.error({ err, jobId }, 'catalogue import: queued postings not built'),
      );
      await deps.repos.catalogueImports.finish(
        deps.db,
        jobId,
        'failed',
        missing ? 'file not found' : 'internal error',
      );
    }
    // A write that failed leaves the reading unfinished: stop it (and its worker).
    await reader?.return(undefined).catch(() => undefined);
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
