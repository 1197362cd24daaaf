// Records a bulk import queued for indexing (migration 0185) and no flush built — its last flush failed — are
// found by their words once the scheduled maintenance job has run, without waiting for the next import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../../app/registries.server.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { runDueJobs, runSchedules } from '../../jobs/jobs.runner.server.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';
import { generator } from '../catalogue.demo-data.server.ts';
import { generatedRecord } from '../catalogue.seed.server.ts';
import { FLUSH_PENDING_JOB, flushPendingPostingsJob } from './import.server.ts';

let ctx: TestContext;
let unitId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  unitId = await unitIdOf(ctx, 'thu-vien-tinh');
}, 180_000);
afterAll(() => ctx.close());

const TITLE = 'Nghề gốm Bàu Trúc xứ Ninh Thuận';

/** Writes records as the bulk path does: committed, their postings only queued. */
async function queueRecords(prefix: string, count: number, title?: string) {
  const next = generator(91);
  const built = Array.from({ length: count }, (_, i) => {
    const b = generatedRecord(next(), unitId, { published: true, description: null, details: {} });
    return {
      ...b,
      record: {
        ...b.record,
        ...(title && i === 0 ? { title } : {}),
        controlNumber: `${prefix}${i}`,
        controlSource: 'VN-TEST',
      },
    };
  });
  await ctx.deps.db.transaction(async (tx) => {
    await ctx.deps.repos.catalogueImports.deferPostings(tx);
    await ctx.deps.repos.catalogue.insertRecords(
      tx,
      built.map((b) => b.record),
      built.map((b) => b.holding),
    );
  });
}

const found = async (q: string) =>
  (
    await ctx.deps.repos.catalogueSearch.search(ctx.deps.db, {
      q,
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 20,
    })
  ).hits.map((h) => h.title);

const count = async (table: string) =>
  (await ctx.dbh.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

describe('the catalogue.flush-pending-postings maintenance job', () => {
  it('is scheduled every few minutes', () => {
    const s = schedules.find((x) => x.kind === FLUSH_PENDING_JOB);
    expect(s?.everyMinutes).toBeGreaterThan(0);
    expect(s?.everyMinutes).toBeLessThanOrEqual(60);
  });

  it('makes a queued record searchable when the scheduler runs it', async () => {
    await queueRecords('PQ', 30, TITLE);
    expect(await count('catalogue_postings_pending')).toBe(30);
    expect(await found('gốm Bàu Trúc')).not.toContain(TITLE);
    const list = schedules.filter((x) => x.kind === FLUSH_PENDING_JOB);
    expect(await runSchedules(ctx.deps, ctx.deps.now(), list)).toEqual([FLUSH_PENDING_JOB]);
    expect(await runDueJobs(ctx.deps, { kinds: [FLUSH_PENDING_JOB] })).toBe(1);
    const jobs = await ctx.dbh.query<{ status: string }>('SELECT status FROM jobs WHERE kind = $1', [
      FLUSH_PENDING_JOB,
    ]);
    expect(jobs).toEqual([{ status: 'done' }]);
    expect(await count('catalogue_postings_pending')).toBe(0);
    expect(await found('gốm Bàu Trúc')).toContain(TITLE);
  });

  it('is idempotent: runs at once or again change nothing and find nothing to do', async () => {
    await queueRecords('PR', 12);
    await Promise.all([flushPendingPostingsJob(ctx.deps), flushPendingPostingsJob(ctx.deps)]);
    const postings = await count('catalogue_postings');
    const pairs = await count('catalogue_title_pairs');
    expect(await count('catalogue_postings_pending')).toBe(0);
    await flushPendingPostingsJob(ctx.deps);
    expect(await count('catalogue_postings')).toBe(postings);
    expect(await count('catalogue_title_pairs')).toBe(pairs);
    // Each record's postings once: no (word, seq) twice.
    const twice = await ctx.dbh.query(
      'SELECT word, seq FROM catalogue_postings GROUP BY word, seq HAVING count(*) > 1 LIMIT 1',
    );
    expect(twice).toEqual([]);
  });
});
