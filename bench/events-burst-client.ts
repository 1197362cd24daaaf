// The client side of one burst of bench/events.ts, in a worker thread (BENCH_CLIENT=worker): the main thread
// then serves only, and its CPU time is the server's.
import { parentPort, workerData } from 'node:worker_threads';
import { type BurstTarget, fire } from './events-measure.ts';

const { n, target } = workerData as { n: number; target: BurstTarget };
parentPort?.postMessage(await fire(n, target));
