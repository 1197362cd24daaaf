// Worker thread of a MARC import (import-read.server.ts): for each `start` message, reads and prepares that
// job's batches and posts them to the importing thread, at most `ahead` batches before it has taken them
// (`next`). The worker stays for the next import (starting one loads the catalogue's modules: seconds).
import { parentPort } from 'node:worker_threads';
import type { ImportJob } from './import.repository.server.ts';
import { readBatches } from './import-read.server.ts';

const port = parentPort;
if (!port) throw new Error('import-read.worker: not in a worker thread');
let credit = 0;
let wake: (() => void) | undefined;

async function run(job: ImportJob, ahead: number): Promise<void> {
  if (!port) return;
  credit = ahead;
  try {
    for await (const batch of readBatches(job, true)) {
      while (credit <= 0)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      credit--;
      port.postMessage({ type: 'batch', batch });
    }
    port.postMessage({ type: 'end' });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
    port.postMessage({ type: 'error', message: err.message, ...(code ? { code } : {}) });
  }
}

port.on('message', (m: 'next' | { type: 'start'; job: ImportJob; ahead: number }) => {
  if (m === 'next') {
    credit++;
    wake?.();
    return;
  }
  void run(m.job, m.ahead);
});
