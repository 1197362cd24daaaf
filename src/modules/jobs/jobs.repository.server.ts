// SQL for the job queue. A job is claimed by one process at a time (FOR UPDATE SKIP LOCKED) with a lease;
// a job whose lease expired (its process died) is claimed again. `dedupe_key` makes enqueueing idempotent.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from './jobs.ids.server.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  dedupeKey: string | null;
  status: JobStatus;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueInput {
  kind: string;
  payload?: unknown;
  runAt?: Date | undefined;
  /** At most one job with this key ever exists; a second enqueue returns null. */
  dedupeKey?: string | undefined;
  maxAttempts?: number | undefined;
}

const COLUMNS = sql`id, kind, payload, dedupe_key AS "dedupeKey", status, run_at AS "runAt", attempts,
  max_attempts AS "maxAttempts", last_error AS "lastError", created_at AS "createdAt", finished_at AS "finishedAt"`;

function hydrate(r: Job): Job {
  return {
    ...r,
    runAt: new Date(r.runAt),
    createdAt: new Date(r.createdAt),
    finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
  };
}

export function createJobsRepository() {
  return {
    async enqueue(db: Db, input: EnqueueInput): Promise<string | null> {
      const id = newId('job');
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO jobs (id, kind, payload, dedupe_key, run_at, max_attempts)
            VALUES (${id}, ${input.kind}, ${JSON.stringify(input.payload ?? {})}::jsonb, ${input.dedupeKey ?? null},
                    ${input.runAt ?? new Date()}, ${input.maxAttempts ?? 5})
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },

    /** Claims the next due job for `leaseSeconds`, or returns null. Concurrent callers never get the same job. */
    async claimNext(db: Db, now: Date, leaseSeconds: number, kinds: readonly string[]): Promise<Job | null> {
      if (kinds.length === 0) return null;
      const kindList = sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      );
      const rows = await queryRows<Job>(
        db,
        sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ${now},
              locked_until = ${new Date(now.getTime() + leaseSeconds * 1000)}
            WHERE id = (
              SELECT id FROM jobs
              WHERE kind IN (${kindList}) AND run_at <= ${now}
                AND (status = 'queued' OR (status = 'running' AND locked_until < ${now}))
              ORDER BY run_at, id
              FOR UPDATE SKIP LOCKED
              LIMIT 1)
            RETURNING ${COLUMNS}`,
      );
      return rows[0] ? hydrate(rows[0]) : null;
    },

    /** A long job still running extends its claim (only while it still holds it). */
    async renewLease(db: Db, id: string, until: Date): Promise<void> {
      await db.execute(sql`UPDATE jobs SET locked_until = ${until} WHERE id = ${id} AND status = 'running'`);
    },

    async complete(db: Db, id: string, now: Date): Promise<void> {
      await db.execute(sql`UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = ${now},
        updated_at = ${now}, last_error = NULL WHERE id = ${id}`);
    },

    /** Records a failure: retried later with backoff until max_attempts, then 'failed' for good. */
    async fail(db: Db, job: Job, error: string, now: Date): Promise<void> {
      const final = job.attempts >= job.maxAttempts;
      const retryAt = new Date(now.getTime() + Math.min(3600, 30 * 2 ** (job.attempts - 1)) * 1000);
      await db.execute(sql`UPDATE jobs SET status = ${final ? 'failed' : 'queued'}, locked_until = NULL,
        run_at = ${final ? job.runAt : retryAt}, last_error = ${error.slice(0, 2000)},
        finished_at = ${final ? now : null}, updated_at = ${now} WHERE id = ${job.id}`);
    },

    async byId(db: Db, id: string): Promise<Job | null> {
      const rows = await queryRows<Job>(db, sql`SELECT ${COLUMNS} FROM jobs WHERE id = ${id}`);
      return rows[0] ? hydrate(rows[0]) : null;
    },

    async byDedupeKey(db: Db, key: string): Promise<Job | null> {
      const rows = await queryRows<Job>(db, sql`SELECT ${COLUMNS} FROM jobs WHERE dedupe_key = ${key}`);
      return rows[0] ? hydrate(rows[0]) : null;
    },

    /** Deletes finished jobs older than `before` (their dedupe keys are no longer needed). */
    async prune(db: Db, before: Date): Promise<number> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ${before} RETURNING id`,
      );
      return rows.length;
    },

    async recent(db: Db, limit: number): Promise<Job[]> {
      const rows = await queryRows<Job>(
        db,
        sql`SELECT ${COLUMNS} FROM jobs ORDER BY created_at DESC, id LIMIT ${limit}`,
      );
      return rows.map(hydrate);
    },
  };
}
export type JobsRepository = ReturnType<typeof createJobsRepository>;
