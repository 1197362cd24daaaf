import type { AppDeps } from '../../app/deps.types.ts';
import type { Job } from './jobs.repository.server.ts';

/** Runs one job. Throwing marks the job failed (retried with backoff up to its max attempts). */
export type JobHandler = (deps: AppDeps, job: Job) => Promise<void>;

export interface Schedule {
  kind: string;
  /** Once a day at this Vietnam time ('07:00'); the job's payload gets `{ slot: 'YYYY-MM-DD' }`. */
  dailyAt?: `${number}:${number}`;
  /** Every N minutes; the payload gets `{ slot: <ISO start of the slot> }`. */
  everyMinutes?: number;
}
