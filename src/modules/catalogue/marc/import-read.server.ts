// The reading half of a MARC import: the file read from the resume offset, cut into batches and prepared
// (mapped, hashed, keyed). In the import's own thread, or in a worker thread (`import-read.worker.ts`) so that
// the reading of the next batches runs on one core while the database writes on the other (ADR 0007
// addendum 7).
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportJob } from './import.repository.server.ts';
import { type PreparedBatch, packBatch, prepareBatch } from './import-batch.server.ts';
import { readIso2709 } from './iso2709.ts';
import type { MarcReadResult } from './marc.types.ts';
import { openMarcXml } from './marcxml-reader.server.ts';

export const IMPORT_BATCH = 1000;
/** Batches a reading worker may prepare ahead of the writes (each ~1,000 records, a few MB). */
const READ_AHEAD = 3;

export interface ReadBatch {
  prepared: PreparedBatch;
  /** The error of a record that stops the reading (damage in the file), in this batch. */
  damaged?: string;
}

/**
 * The file's batches from the job's resume offset. An error of the reading is thrown after the batch of the
 * records read before it, so those are written first. `pack`: rows serialized for the write (`packBatch`).
 */
export async function* readBatches(job: ImportJob, pack = false): AsyncGenerator<ReadBatch> {
  if (!job.filePath) throw new Error('catalogue import: no file');
  const items =
    job.format === 'iso2709'
      ? readIso2709(
          createReadStream(job.filePath, { start: job.resumeOffset, highWaterMark: 1 << 18 }),
          job.resumeOffset,
          { encoding: job.encoding ?? undefined },
        )
      : await openMarcXml(job.filePath, job.resumeOffset, job.processed);
  let batch: MarcReadResult[] = [];
  let damaged: string | undefined;
  let lastKeys = new Map<string, number>();
  const cut = (): ReadBatch => {
    const prepared = prepareBatch(job, batch, lastKeys);
    lastKeys = prepared.keys;
    const out: ReadBatch = { prepared: pack ? packBatch(prepared) : prepared };
    if (damaged) out.damaged = damaged;
    batch = [];
    damaged = undefined;
    return out;
  };
  try {
    for await (const item of items) {
      if (!item.ok && item.fatal) damaged = item.error;
      batch.push(item);
      // Parsing runs in microtasks; yielding now and then lets the database's answers (I/O callbacks)
      // through, so a batch being written in this thread moves on while parsing continues.
      if (!pack && batch.length % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (batch.length >= IMPORT_BATCH) yield cut();
    }
  } catch (e) {
    if (batch.length) yield cut();
    throw e;
  }
  if (batch.length) yield cut();
}

type WorkerMessage =
  | { type: 'batch'; batch: ReadBatch }
  | { type: 'end' }
  | { type: 'error'; message: string; code?: string };

const WORKER_FILE = fileURLToPath(new URL('./import-read.worker.ts', import.meta.url));

/** Whether the reading can run in a worker thread (the worker's source is next to this file). */
export function canReadInWorker(): boolean {
  return existsSync(WORKER_FILE);
}

/** Workers left by finished reads, reused by the next (one per import running at once). */
const idle: Worker[] = [];

function takeWorker(): Worker {
  const kept = idle.pop();
  if (kept) return kept;
  const worker = new Worker(WORKER_FILE);
  // An idle worker does not keep the process alive.
  worker.unref();
  worker.on('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

/**
 * `readBatches` in a worker thread, at most READ_AHEAD batches ahead of the caller. A worker that read to the
 * end (or to a read error) is kept for the next import; ending the iteration early (a failed write) stops it.
 */
export async function* readBatchesInWorker(job: ImportJob): AsyncGenerator<ReadBatch> {
  const worker = takeWorker();
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const onMessage = (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  };
  const onError = (e: Error) => {
    failure = e;
    wake?.();
  };
  const onExit = () => {
    failure ??= new Error('catalogue import: the reading worker stopped');
    wake?.();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  let finished = false;
  try {
    worker.postMessage({ type: 'start', job, ahead: READ_AHEAD });
    for (;;) {
      const m = queue.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      if (m.type === 'end') {
        finished = true;
        return;
      }
      if (m.type === 'error') {
        finished = true;
        throw Object.assign(new Error(m.message), m.code ? { code: m.code } : {});
      }
      yield m.batch;
      worker.postMessage('next');
    }
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (finished && !failure) idle.push(worker);
    else await worker.terminate();
  }
}
