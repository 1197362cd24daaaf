// A unit's report approved while nobody carries the unit's part: the unit's staff and managers hear of it, in
// the app and through the notification channel (the outbox here), once each, even when the job runs twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { runDueJobs } from '../../jobs/jobs.runner.server.ts';
import { APPROVED_NOTICE_JOB } from './approval-notice.server.ts';
import { approveMuseumReport, museumPeople } from './work.test-helpers.ts';

describe('approval notice without an assignee', () => {
  let ctx: TestContext;
  const people: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    const signedUp = await museumPeople(ctx, [
      ['Phạm Thị Nhận', 'unit_staff'],
      ['Đỗ Văn Quản', 'unit_manager'],
    ]);
    people.push(...signedUp.map((u) => u.userId));
  }, 180_000);
  afterAll(() => ctx?.close());

  it('tells every staff member and manager of the unit, once each', async () => {
    const { saved } = await approveMuseumReport(ctx);
    expect(saved.assigneeId).toBeNull();

    const notes = await ctx.dbh.query<{ user_id: string }>(
      "SELECT user_id FROM notifications WHERE kind = 'plan.approved' ORDER BY user_id",
    );
    expect(notes.map((n) => n.user_id)).toEqual([...people].sort());
    await runDueJobs(ctx.deps, { kinds: [APPROVED_NOTICE_JOB] });
    await runDueJobs(ctx.deps, { kinds: [APPROVED_NOTICE_JOB] });
    const mails = await ctx.dbh.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM mail_outbox WHERE purpose = 'plan.approved'",
    );
    expect(mails[0]?.n).toBe(2);
  });
});
