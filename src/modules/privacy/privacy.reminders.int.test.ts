// Reminders before the legal deadlines of data-subject requests, around Tết 2027 (mùng 1 = 06/02; the seeded
// holidays: Fri 05/02 and Mon 08 – Thu 11/02): the staff who answer requests are reminded in the app and by
// e-mail two working days before the reply and completion deadlines and once the completion deadline has
// passed, each once however often the daily job runs; a completed request is not reminded of.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { runDueJobs } from '../jobs/jobs.runner.server.ts';
import { citizen as learner } from '../learning/learning.test-helpers.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { PRIVACY_REMINDERS_JOB, remindersFor, sendDeadlineReminders } from './privacy.reminders.server.ts';
import { completeRequest, submitRequest } from './privacy.usecases.server.ts';

let ctx: TestContext;
let officer: { userId: string; email: string };
let citizen: Actor;
let admin: Actor;

const TET_2027 = new Set(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
const at = (day: string) => () => new Date(`${day}T03:00:00Z`);
const run = (slot: string) => sendDeadlineReminders(ctx.deps, { payload: { slot } });
const mails = () =>
  ctx.dbh.query<{ subject: string; body_text: string }>(
    `SELECT subject, body_text FROM mail_outbox WHERE to_address = $1 AND purpose = 'privacy-reminder'
     ORDER BY created_at, subject`,
    [officer.email],
  );
const notes = async () =>
  (await ctx.deps.repos.notifications.list(ctx.deps.db, officer.userId)).filter((n) =>
    n.kind.startsWith('privacy.'),
  );

beforeAll(async () => {
  ctx = await createTestContext();
  const root = await unitIdOf(ctx, 'so-vhttdl');
  const o = await signUpAndSignIn(ctx, { name: 'Phạm Thị Bảo Vệ' });
  await grantRoleAsSystem(ctx.deps, { userId: o.userId, role: 'administrator', unitId: root });
  officer = { userId: o.userId, email: o.email };
  admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
  const c = await signUpAndSignIn(ctx, { name: 'Nguyễn Văn Hỏi' });
  citizen = learner(c.userId, 'Nguyễn Văn Hỏi');
}, 180_000);
afterAll(() => ctx?.close());

describe('which reminders a request calls for (working days, holidays as data)', () => {
  const r = { id: 'dsr_x', kind: 'access' as const, replyDue: '2027-02-15', completeDue: '2027-03-04' };
  it('counts the Tết days off: eleven calendar days before the reply deadline are only two working days', () => {
    expect(remindersFor(r, '2027-02-04', TET_2027).map((x) => x.stage)).toEqual(['reply-soon']);
    expect(remindersFor(r, '2027-02-04', new Set())).toEqual([]);
  });
  it('reminds of completion two working days before it, and says overdue the day after', () => {
    expect(remindersFor(r, '2027-03-01', TET_2027).map((x) => x.stage)).toEqual([]);
    expect(remindersFor(r, '2027-03-02', TET_2027)).toEqual([
      { requestId: 'dsr_x', kind: 'access', stage: 'complete-soon', dueDay: '2027-03-04' },
    ]);
    expect(remindersFor(r, '2027-03-05', TET_2027).map((x) => x.stage)).toEqual(['complete-overdue']);
  });
});

describe('the daily reminder job', () => {
  let requestId = '';

  it('reminds the staff who answer requests of a request received the day before Tết, in the app and by mail', async () => {
    ctx.deps.now = at('2027-02-04');
    const req = await submitRequest(ctx.deps, citizen, { kind: 'access', details: 'Xin bản sao dữ liệu.' });
    requestId = req.id;
    // Thursday before Tết: 2 working days end on Monday 15/02, after the holiday week.
    expect(req.replyDue).toBe('2027-02-15');
    expect(await run('2027-02-04')).toBe(1);
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe(
      `[Suốt Đời] Nhắc hạn trả lời yêu cầu xem, xuất dữ liệu mã ${req.id}: 15/02/2027`,
    );
    expect(sent[0]?.body_text).toContain('Kính gửi Phạm Thị Bảo Vệ,');
    expect(sent[0]?.body_text).toContain('http://localhost:3000/admin/privacy');
    expect((await notes()).map((n) => n.messageKey)).toEqual(['privacy.notify.replySoon']);
  });

  it('sends nothing twice: the job run again that day, or during Tết, or by two runners at once', async () => {
    expect(await run('2027-02-04')).toBe(0);
    expect(await run('2027-02-10')).toBe(0);
    for (const n of [1, 2])
      await ctx.deps.repos.jobs.enqueue(ctx.deps.db, {
        kind: PRIVACY_REMINDERS_JOB,
        payload: { slot: '2027-02-12' },
        dedupeKey: `test-${n}`,
      });
    await Promise.all([
      runDueJobs(ctx.deps, { kinds: [PRIVACY_REMINDERS_JOB] }),
      runDueJobs(ctx.deps, { kinds: [PRIVACY_REMINDERS_JOB] }),
    ]);
    const jobs = await ctx.dbh.query<{ status: string }>('SELECT status FROM jobs WHERE kind = $1', [
      PRIVACY_REMINDERS_JOB,
    ]);
    expect(jobs).toEqual([{ status: 'done' }, { status: 'done' }]);
    expect(await mails()).toHaveLength(1);
    expect(await notes()).toHaveLength(1);
  });

  it('reminds before the completion deadline and once when it has passed', async () => {
    const req = (await ctx.deps.repos.privacy.get(ctx.deps.db, requestId))!;
    // 15 working days from Thursday 04/02 across Tết: Thursday 04/03.
    expect(req.completeDue).toBe('2027-03-04');
    expect(await run('2027-03-01')).toBe(0);
    expect(await run('2027-03-02')).toBe(1);
    expect(await run('2027-03-03')).toBe(0);
    expect(await run('2027-03-05')).toBe(1);
    expect(await run('2027-03-08')).toBe(0);
    const subjects = (await mails()).map((m) => m.subject);
    expect(subjects).toHaveLength(3);
    expect(subjects[1]).toContain('Nhắc hạn hoàn thành');
    expect(subjects[2]).toBe(
      `[Suốt Đời] Quá hạn hoàn thành yêu cầu xem, xuất dữ liệu mã ${requestId} (hạn 04/03/2027)`,
    );
    expect((await notes()).map((n) => n.messageKey).sort()).toEqual([
      'privacy.notify.completeOverdue',
      'privacy.notify.completeSoon',
      'privacy.notify.replySoon',
    ]);
  });

  it('does not remind of a request once it is completed', async () => {
    ctx.deps.now = at('2027-03-10');
    const req = await submitRequest(ctx.deps, citizen, { kind: 'correction', details: 'Sửa số điện thoại.' });
    await completeRequest(ctx.deps, admin, req.id, { status: 'done', note: 'Đã sửa.' });
    expect(await run('2027-03-10')).toBe(0);
    expect(await mails()).toHaveLength(3);
  });
});
