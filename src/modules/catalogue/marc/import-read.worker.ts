// Worker thread of a MARC import (import-read.server.ts): reads and prepares the file's batches and posts
// them to the importing thread, at most `ahead` batches before it has taken them.
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportJob } from './import.repository.server.ts';
import { readBatches } from './import-read.server.ts';

const { job, ahead } = workerData as { job: ImportJob; ahead: number };
const port = parentPort;
if (!port) throw new Error('import-read.worker: not in a worker thread');
let credit = ahead;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
});
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
port.close();
