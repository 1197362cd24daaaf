import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import type { Job } from './jobs.repository.server.ts';
import { runDueJobs, runSchedules } from './jobs.runner.server.ts';
import type { JobHandler } from './jobs.types.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('job queue', () => {
  it('enqueues once per dedupe key', async () => {
    const a = await ctx.deps.repos.jobs.enqueue(ctx.deps.db, { kind: 't.once', dedupeKey: 'k-1' });
    const b = await ctx.deps.repos.jobs.enqueue(ctx.deps.db, { kind: 't.once', dedupeKey: 'k-1' });
    expect(a).toMatch(/^job_/);
    expect(b).toBeNull();
  });

  it('runs a due job once, even with concurrent runners', async () => {
    const seen: string[] = [];
    const handlers: Record<string, JobHandler> = {
      't.count': async (_deps, job: Job) => {
        await new Promise((r) => setTimeout(r, 20));
        seen.push(job.id);
      },
    };
    for (let i = 0; i < 10; i++) await ctx.deps.repos.jobs.enqueue(ctx.deps.db, { kind: 't.count' });
    const ran = await Promise.all([
      runDueJobs(ctx.deps, { handlers }),
      runDueJobs(ctx.deps, { handlers }),
      runDueJobs(ctx.deps, { handlers }),
    ]);
    expect(ran.reduce((a, b) => a + b, 0)).toBe(10);
    expect(new Set(seen).size).toBe(10);
    expect(seen).toHaveLength(10);
  });

  it('does not run a job before its time', async () => {
    const handlers: Record<string, JobHandler> = { 't.later': async () => undefined };
    const now = new Date('2026-01-01T00:00:00Z');
    await ctx.deps.repos.jobs.enqueue(ctx.deps.db, {
      kind: 't.later',
      runAt: new Date('2026-01-02T00:00:00Z'),
    });
    expect(await runDueJobs(ctx.deps, { handlers, now })).toBe(0);
    expect(await runDueJobs(ctx.deps, { handlers, now: new Date('2026-01-02T00:00:01Z') })).toBe(1);
  });

  it('retries a failing job with backoff, then marks it failed', async () => {
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      't.fail': async () => {
        calls++;
        throw new Error('boom');
      },
    };
    const id = await ctx.deps.repos.jobs.enqueue(ctx.deps.db, {
      kind: 't.fail',
      maxAttempts: 2,
      runAt: new Date('2026-01-01T00:00:00Z'),
    });
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(await runDueJobs(ctx.deps, { handlers, now: t0 })).toBe(1);
    let job = await ctx.deps.repos.jobs.byId(ctx.deps.db, id as string);
    expect(job?.status).toBe('queued');
    expect(job?.lastError).toBe('boom');
    // Not retried at once…
    expect(await runDueJobs(ctx.deps, { handlers, now: t0 })).toBe(0);
    // …but after the backoff, and then given up.
    expect(await runDueJobs(ctx.deps, { handlers, now: new Date('2026-01-01T01:00:00Z') })).toBe(1);
    job = await ctx.deps.repos.jobs.byId(ctx.deps.db, id as string);
    expect(job?.status).toBe('failed');
    expect(calls).toBe(2);
  });

  it('claims a running job again when its lease expired (its process died)', async () => {
    const handlers: Record<string, JobHandler> = { 't.lease': async () => undefined };
    const t0 = new Date('2026-02-01T00:00:00Z');
    const id = await ctx.deps.repos.jobs.enqueue(ctx.deps.db, { kind: 't.lease', runAt: t0 });
    const claimed = await ctx.deps.repos.jobs.claimNext(ctx.deps.db, t0, 60, ['t.lease']);
    expect(claimed?.id).toBe(id);
    expect(await runDueJobs(ctx.deps, { handlers, now: new Date('2026-02-01T00:00:30Z') })).toBe(0);
    expect(await runDueJobs(ctx.deps, { handlers, now: new Date('2026-02-01T00:02:00Z') })).toBe(1);
    expect((await ctx.deps.repos.jobs.byId(ctx.deps.db, id as string))?.status).toBe('done');
  });

  it('enqueues a daily schedule once per day across instances', async () => {
    const list = [{ kind: 't.daily', dailyAt: '07:00' as const }];
    // 06:59 in Vietnam: not yet.
    expect(await runSchedules(ctx.deps, new Date('2026-03-01T23:59:00Z'), list)).toEqual([]);
    const at = new Date('2026-03-02T00:05:00Z'); // 07:05 in Vietnam
    const results = await Promise.all([1, 2, 3].map(() => runSchedules(ctx.deps, at, list)));
    expect(results.flat()).toEqual(['t.daily']);
    const job = await ctx.deps.repos.jobs.byDedupeKey(ctx.deps.db, 'schedule:t.daily@2026-03-02');
    expect(job?.payload).toEqual({ slot: '2026-03-02' });
  });
});
