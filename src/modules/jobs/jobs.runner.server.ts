// Runs due jobs and enqueues scheduled ones. Started in-process by main.ts (embedded and PostgreSQL); tests
// call runDueJobs / runSchedules directly with their own clock.
import type { AppDeps } from '../../app/deps.types.ts';
import { jobHandlers, schedules } from '../../app/registries.server.ts';
import type { Job } from './jobs.repository.server.ts';
import { dueSlot } from './jobs.schedule.ts';
import type { JobHandler, Schedule } from './jobs.types.ts';

const LEASE_SECONDS = 300;

export interface RunOptions {
  now?: Date | undefined;
  /** Stop after this many jobs (default 100 per call). */
  limit?: number | undefined;
  /** Only these kinds (default: every kind with a handler). */
  kinds?: readonly string[] | undefined;
  handlers?: Record<string, JobHandler> | undefined;
}

/** Claims and runs due jobs one at a time until none is due; returns how many ran (successfully or not). */
export async function runDueJobs(deps: AppDeps, opts: RunOptions = {}): Promise<number> {
  const handlers = opts.handlers ?? jobHandlers;
  const kinds = opts.kinds ?? Object.keys(handlers);
  const limit = opts.limit ?? 100;
  let ran = 0;
  while (ran < limit) {
    const now = opts.now ?? deps.now();
    const job = await deps.repos.jobs.claimNext(deps.db, now, LEASE_SECONDS, kinds);
    if (!job) break;
    ran++;
    await runOne(deps, job, handlers[job.kind], opts.now);
  }
  return ran;
}

async function runOne(deps: AppDeps, job: Job, handler: JobHandler | undefined, fixedNow?: Date) {
  const started = performance.now();
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(deps, job);
    await deps.repos.jobs.complete(deps.db, job.id, fixedNow ?? deps.now());
    deps.logger.info(
      { job: job.id, kind: job.kind, ms: Math.round(performance.now() - started) },
      'job done',
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    deps.logger.error({ job: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
    await deps.repos.jobs.fail(deps.db, job, message, fixedNow ?? deps.now());
  }
}

/** Enqueues each schedule's current slot once (dedupe key per slot); returns the kinds enqueued now. */
export async function runSchedules(
  deps: AppDeps,
  now: Date = deps.now(),
  list: readonly Schedule[] = schedules,
): Promise<string[]> {
  const enqueued: string[] = [];
  for (const s of list) {
    const due = dueSlot(s, now);
    if (!due) continue;
    const id = await deps.repos.jobs.enqueue(deps.db, {
      kind: s.kind,
      payload: { slot: due.slot },
      runAt: now,
      dedupeKey: due.dedupeKey,
    });
    if (id) enqueued.push(s.kind);
  }
  return enqueued;
}

/** Ticks every `intervalMs`: schedules, then due jobs. Returns a stop function that waits for the tick. */
export function startJobRunner(deps: AppDeps, intervalMs = 5_000): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        await runSchedules(deps);
        await runDueJobs(deps);
      } catch (e) {
        deps.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'job runner tick failed');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setTimeout(tick, 1_000).unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
