// Deadline reminders: 14 and 3 days before the due date and the day after, only while not submitted, and
// exactly once however many runners work the queue at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../../../lib/dates.ts';
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { runDueJobs } from '../../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { listPlanTasks } from '../plan.usecases.server.ts';
import { transitionReport } from '../work/progress.usecases.server.ts';
import { assignUnitPart, setInstanceDueDate } from '../work/work.usecases.server.ts';
import { REMINDER_SEND_JOB, REMINDERS_JOB } from './reminders.server.ts';

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('plan deadline reminders', () => {
  let ctx: TestContext;
  let email = '';
  let userId = '';
  const today = isoDateInVietnam(new Date());

  beforeAll(async () => {
    ctx = await createTestContext();
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const user = await signUpAndSignIn(ctx, { name: 'Trần Thị Nhắc' });
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: library });
    email = user.email;
    userId = user.userId;
    const officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    const tasks = await listPlanTasks(ctx.deps, officer, { unit: 'thu-vien-tinh', phase: '2025-2030' });
    const yearly = tasks.filter((t) => t.time.kind === 'yearly');
    // Four instances of the library: due in 14 days, in 3 days, yesterday, and one already submitted.
    const dues = [addDays(today, 14), addDays(today, 3), addDays(today, -1), addDays(today, 14)];
    for (const [i, due] of dues.entries()) {
      const year = Number(due.slice(0, 4));
      const ins = yearly[i]?.instances.find((x) => x.year === year);
      if (!ins) throw new Error(`no ${year} instance for task #${i}`);
      await setInstanceDueDate(ctx.deps, officer, { instanceId: ins.id, dueDate: due, version: 1 });
      const r = await assignUnitPart(ctx.deps, officer, {
        instanceId: ins.id,
        unitId: library,
        assigneeId: userId,
        version: 0,
      });
      if (i === 3)
        await transitionReport(ctx.deps, manager, {
          instanceId: ins.id,
          unitId: library,
          version: r.version,
          transition: 'submit',
        });
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  const mails = () =>
    ctx.dbh.query<{ subject: string; body_text: string; purpose: string }>(
      'SELECT subject, body_text, purpose FROM mail_outbox WHERE to_address = $1 ORDER BY subject',
      [email],
    );

  it('mails the assignee once per reminder, with two runners working the queue at once', async () => {
    await ctx.deps.repos.jobs.enqueue(ctx.deps.db, {
      kind: REMINDERS_JOB,
      payload: { slot: today },
      dedupeKey: `test-scan-1-${today}`,
    });
    const kinds = [REMINDERS_JOB, REMINDER_SEND_JOB];
    await Promise.all([runDueJobs(ctx.deps, { kinds }), runDueJobs(ctx.deps, { kinds })]);
    await Promise.all([runDueJobs(ctx.deps, { kinds }), runDueJobs(ctx.deps, { kinds })]);
    const sent = await mails();
    expect(sent.map((m) => m.purpose).sort()).toEqual(['plan-overdue', 'plan-reminder', 'plan-reminder']);
    expect(sent.every((m) => m.body_text.includes('http://localhost:3000/admin/plan/instances/ins_'))).toBe(
      true,
    );
    expect(sent.some((m) => m.subject.startsWith('[Suốt Đời] Quá hạn'))).toBe(true);
    expect(sent.some((m) => m.body_text.includes('còn 14 ngày'))).toBe(true);
    const notes = await ctx.deps.repos.notifications.list(ctx.deps.db, userId);
    expect(notes.filter((n) => n.kind.startsWith('plan.reminder') || n.kind === 'plan.overdue')).toHaveLength(
      3,
    );
  });

  it('sends nothing more when the scan runs again the same day (another instance, a restart)', async () => {
    await ctx.deps.repos.jobs.enqueue(ctx.deps.db, {
      kind: REMINDERS_JOB,
      payload: { slot: today },
      dedupeKey: `test-scan-2-${today}`,
    });
    await Promise.all([
      runDueJobs(ctx.deps, { kinds: [REMINDERS_JOB, REMINDER_SEND_JOB] }),
      runDueJobs(ctx.deps, { kinds: [REMINDERS_JOB, REMINDER_SEND_JOB] }),
    ]);
    expect(await mails()).toHaveLength(3);
  });
});
