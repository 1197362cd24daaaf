// A unit's report approved while nobody carries the unit's part: the unit's staff and managers hear of it, in
// the app and through the notification channel (the outbox here), once each, even when the job runs twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { runDueJobs } from '../../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { APPROVED_NOTICE_JOB } from './approval-notice.server.ts';
import { saveProgress, transitionReport } from './progress.usecases.server.ts';

describe('approval notice without an assignee', () => {
  let ctx: TestContext;
  const people: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    const unit = await unitIdOf(ctx, 'bao-tang-tinh');
    for (const [name, role] of [
      ['Phạm Thị Nhận', 'unit_staff'],
      ['Đỗ Văn Quản', 'unit_manager'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: unit });
      people.push(u.userId);
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  it('tells every staff member and manager of the unit, once each', async () => {
    const unitId = await unitIdOf(ctx, 'bao-tang-tinh');
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
    const instanceId = task?.instances.find((i) => i.year === 2025)?.id ?? '';
    const staff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const manager = await actorOn(ctx, 'unit_manager', 'bao-tang-tinh');
    const officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    const saved = await saveProgress(ctx.deps, staff, {
      instanceId,
      unitId,
      version: 0,
      status: 'done',
      percent: 100,
      narrative: 'Đã tổ chức 3 buổi nói chuyện chuyên đề',
    });
    expect(saved.assigneeId).toBeNull();
    const step = (actor: typeof staff, version: number, transition: 'ready' | 'submit' | 'approve') =>
      transitionReport(ctx.deps, actor, { instanceId, unitId, version, transition });
    await step(staff, saved.version, 'ready');
    await step(manager, saved.version + 1, 'submit');
    await step(officer, saved.version + 2, 'approve');

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
