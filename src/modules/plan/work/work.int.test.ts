import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { isAppError } from '../../../lib/errors.ts';
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { runDueJobs } from '../../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { APPROVED_NOTICE_JOB } from './approval-notice.server.ts';
import { addLinkEvidence, removeEvidence } from './evidence.usecases.server.ts';
import { saveProgress, transitionReport } from './progress.usecases.server.ts';
import {
  assignUnitPart,
  commentOnInstance,
  getInstanceView,
  setInstanceDueDate,
} from './work.usecases.server.ts';

async function failure(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { status: e.status, code: e.code };
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('plan work: assignments, progress, workflow', () => {
  let ctx: TestContext;
  let officer: Actor;
  let leader: Actor;
  let libraryStaff: Actor;
  let libraryManager: Actor;
  let museumStaff: Actor;
  let library: string;
  let museum: string;
  let instanceId: string;
  let libraryUserId: string;
  let museumUserId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    leader = await actorOn(ctx, 'leader', 'ban-giam-doc');
    libraryStaff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    libraryManager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    museumStaff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const libUser = await signUpAndSignIn(ctx, { name: 'Nguyễn Thị Thư' });
    await grantRoleAsSystem(ctx.deps, { userId: libUser.userId, role: 'unit_staff', unitId: library });
    libraryUserId = libUser.userId;
    const musUser = await signUpAndSignIn(ctx, { name: 'Lê Văn Bảo' });
    await grantRoleAsSystem(ctx.deps, { userId: musUser.userId, role: 'unit_staff', unitId: museum });
    museumUserId = musUser.userId;
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
    const ins = task?.instances.find((i) => i.year === 2024);
    if (!ins) throw new Error('no 2024 instance of PL1-III-1');
    instanceId = ins.id;
  }, 180_000);
  afterAll(() => ctx?.close());

  it('defaults due dates to 30 November, and 15 December for report tasks', async () => {
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
    expect(task?.instances.map((i) => i.dueDate)).toEqual(['2023-11-30', '2024-11-30', '2025-11-30']);
    const report = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-VII-1');
    expect(report?.instances.map((i) => i.dueDate)).toEqual(['2023-12-15', '2024-12-15', '2025-12-15']);
  });

  it('lets the focal point assign a unit part only to that unit’s people', async () => {
    const wrong = await failure(
      assignUnitPart(ctx.deps, officer, {
        instanceId,
        unitId: library,
        assigneeId: museumUserId,
        version: 0,
      }),
    );
    expect(wrong).toEqual({ status: 422, code: 'plan.assignee_invalid' });
    const r = await assignUnitPart(ctx.deps, officer, {
      instanceId,
      unitId: library,
      assigneeId: libraryUserId,
      version: 0,
    });
    expect(r.assigneeId).toBe(libraryUserId);
    expect(r.version).toBe(2);
    expect(
      await failure(
        assignUnitPart(ctx.deps, libraryManager, {
          instanceId,
          unitId: library,
          assigneeId: null,
          version: 2,
        }),
      ),
    ).toMatchObject({ status: 403 });
    const notes = await ctx.deps.repos.notifications.list(ctx.deps.db, libraryUserId);
    expect(notes.map((n) => n.kind)).toContain('plan.assigned');
  });

  it('sets a due date and refuses one far from the instance year', async () => {
    await setInstanceDueDate(ctx.deps, officer, { instanceId, dueDate: '2024-10-31', version: 1 });
    expect((await ctx.deps.repos.planWork.getInstance(ctx.deps.db, instanceId))?.dueDate).toBe('2024-10-31');
    // A second officer who read version 1 does not overwrite the first one's date.
    expect(
      await failure(setInstanceDueDate(ctx.deps, officer, { instanceId, dueDate: '2024-11-15', version: 1 })),
    ).toMatchObject({ status: 409, code: 'plan.instance.version_conflict' });
    expect((await ctx.deps.repos.planWork.getInstance(ctx.deps.db, instanceId))?.dueDate).toBe('2024-10-31');
    expect(
      await failure(setInstanceDueDate(ctx.deps, officer, { instanceId, dueDate: '2029-01-01', version: 2 })),
    ).toMatchObject({ status: 422 });
    expect(
      await failure(
        setInstanceDueDate(ctx.deps, libraryStaff, { instanceId, dueDate: '2024-10-01', version: 2 }),
      ),
    ).toMatchObject({ status: 403 });
  });

  it('keeps each unit’s progress to its own people: other units get 404 and nothing changes', async () => {
    const saved = await saveProgress(ctx.deps, libraryStaff, {
      instanceId,
      unitId: library,
      version: 2,
      status: 'in_progress',
      percent: 40,
      narrative: 'Đã tổ chức 3 buổi đọc sách',
    });
    expect(saved).toMatchObject({ version: 3, percent: 40, status: 'in_progress', state: 'draft' });

    const museumView = await getInstanceView(ctx.deps, museumStaff, instanceId);
    expect(museumView.parts.map((p) => p.unit.id)).toEqual([museum]);
    expect(JSON.stringify(museumView)).not.toContain('Đã tổ chức 3 buổi đọc sách');

    const attempt = await failure(
      saveProgress(ctx.deps, museumStaff, {
        instanceId,
        unitId: library,
        version: 3,
        status: 'done',
        percent: 100,
        narrative: 'ghi đè',
      }),
    );
    expect(attempt.status).toBe(404);
    expect(
      await failure(
        addLinkEvidence(
          ctx.deps,
          museumStaff,
          { instanceId, unitId: library },
          { kind: 'link', title: 'x', url: 'https://example.vn' },
        ),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(
        transitionReport(ctx.deps, museumStaff, {
          instanceId,
          unitId: library,
          version: 3,
          transition: 'ready',
        }),
      ),
    ).toMatchObject({ status: 404 });
    const after = await ctx.deps.repos.planWork.getReport(ctx.deps.db, instanceId, library);
    expect(after).toMatchObject({ version: 3, narrative: 'Đã tổ chức 3 buổi đọc sách' });

    const officerView = await getInstanceView(ctx.deps, officer, instanceId);
    expect(officerView.parts.map((p) => p.unit.code)).toContain('bao-tang-tinh');
    expect(officerView.hiddenParts).toBe(0);
  });

  it('refuses a save carrying a stale version with 409 and overwrites nothing', async () => {
    const first = await saveProgress(ctx.deps, libraryStaff, {
      instanceId,
      unitId: library,
      version: 3,
      status: 'in_progress',
      percent: 50,
      narrative: 'Bản của người thứ nhất',
    });
    expect(first.version).toBe(4);
    const second = await failure(
      saveProgress(ctx.deps, libraryManager, {
        instanceId,
        unitId: library,
        version: 3,
        status: 'in_progress',
        percent: 60,
        narrative: 'Bản của người thứ hai',
      }),
    );
    expect(second).toEqual({ status: 409, code: 'plan.report_stale' });
    const stored = await ctx.deps.repos.planWork.getReport(ctx.deps.db, instanceId, library);
    expect(stored).toMatchObject({ version: 4, narrative: 'Bản của người thứ nhất', percent: 50 });
  });

  it('lets exactly one of two concurrent first saves of a unit part win', async () => {
    const input = { instanceId, unitId: museum, version: 0, status: 'in_progress' as const, percent: 10 };
    const results = await Promise.allSettled([
      saveProgress(ctx.deps, museumStaff, { ...input, narrative: 'A' }),
      saveProgress(ctx.deps, museumStaff, { ...input, narrative: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected && isAppError(rejected.reason) && rejected.reason.status).toBe(409);
  });

  it('requires a reason for "not done"', async () => {
    const r = await failure(
      saveProgress(ctx.deps, libraryStaff, {
        instanceId,
        unitId: library,
        version: 4,
        status: 'not_done',
        percent: 0,
        narrative: '',
      }),
    );
    expect(r).toMatchObject({ status: 422, code: 'plan.reason_required' });
  });

  it('runs draft → ready → submitted → returned → ready → submitted → approved, with a timeline', async () => {
    const ev = await addLinkEvidence(
      ctx.deps,
      libraryStaff,
      { instanceId, unitId: library },
      { kind: 'link', title: 'Bài viết trên cổng thông tin', url: 'https://example.vn/tin' },
    );
    const ready = await transitionReport(ctx.deps, libraryStaff, {
      instanceId,
      unitId: library,
      version: 4,
      transition: 'ready',
    });
    expect(ready.state).toBe('ready');
    expect(
      await failure(
        transitionReport(ctx.deps, libraryStaff, {
          instanceId,
          unitId: library,
          version: 5,
          transition: 'submit',
        }),
      ),
    ).toMatchObject({ status: 403 });
    const submitted = await transitionReport(ctx.deps, libraryManager, {
      instanceId,
      unitId: library,
      version: 5,
      transition: 'submit',
    });
    expect(submitted.state).toBe('submitted');
    expect(
      await failure(
        saveProgress(ctx.deps, libraryStaff, {
          instanceId,
          unitId: library,
          version: 6,
          status: 'done',
          percent: 100,
          narrative: 'x',
        }),
      ),
    ).toMatchObject({ status: 409, code: 'plan.report_locked' });
    expect(
      await failure(removeEvidence(ctx.deps, libraryStaff, { instanceId, unitId: library, evidenceId: ev })),
    ).toMatchObject({ status: 409 });
    expect(
      await failure(
        transitionReport(ctx.deps, officer, {
          instanceId,
          unitId: library,
          version: 6,
          transition: 'return',
        }),
      ),
    ).toMatchObject({ status: 422 });
    expect(
      await failure(
        transitionReport(ctx.deps, libraryManager, {
          instanceId,
          unitId: library,
          version: 6,
          transition: 'approve',
        }),
      ),
    ).toMatchObject({ status: 403 });
    const returned = await transitionReport(ctx.deps, officer, {
      instanceId,
      unitId: library,
      version: 6,
      transition: 'return',
      comment: 'Bổ sung số liệu bạn đọc',
    });
    expect(returned).toMatchObject({ state: 'returned', returnComment: 'Bổ sung số liệu bạn đọc' });
    const fixed = await saveProgress(ctx.deps, libraryStaff, {
      instanceId,
      unitId: library,
      version: 7,
      status: 'done',
      percent: 100,
      narrative: 'Đã bổ sung: 1.200 lượt bạn đọc',
    });
    await transitionReport(ctx.deps, libraryStaff, {
      instanceId,
      unitId: library,
      version: fixed.version,
      transition: 'ready',
    });
    await transitionReport(ctx.deps, libraryManager, {
      instanceId,
      unitId: library,
      version: fixed.version + 1,
      transition: 'submit',
    });
    const approved = await transitionReport(ctx.deps, officer, {
      instanceId,
      unitId: library,
      version: fixed.version + 2,
      transition: 'approve',
    });
    expect(approved).toMatchObject({ state: 'approved', returnComment: null });
    // The unit hears of it: an in-app notification for the assignee, and (after commit, by the job) a message
    // through the notification channel — the outbox here, no SMTP being set.
    const notes = await ctx.dbh.query<{ message_key: string; link: string }>(
      "SELECT message_key, link FROM notifications WHERE user_id = $1 AND kind = 'plan.approved'",
      [libraryUserId],
    );
    expect(notes).toEqual([
      { message_key: 'planwork.notify.approved', link: `/admin/plan/instances/${instanceId}` },
    ]);
    await runDueJobs(ctx.deps, { kinds: [APPROVED_NOTICE_JOB] });
    await runDueJobs(ctx.deps, { kinds: [APPROVED_NOTICE_JOB] });
    const mails = await ctx.dbh.query<{ subject: string; body_text: string }>(
      "SELECT subject, body_text FROM mail_outbox WHERE purpose = 'plan.approved'",
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^\[Suốt Đời\] Đã duyệt: báo cáo nhiệm vụ /);
    expect(mails[0]?.body_text).toContain(`/admin/plan/instances/${instanceId}`);

    await commentOnInstance(ctx.deps, leader, { instanceId, comment: 'Tốt, tiếp tục phát huy' });
    expect(
      await failure(commentOnInstance(ctx.deps, libraryStaff, { instanceId, comment: 'x' })),
    ).toMatchObject({ status: 403 });
    expect(
      await failure(
        saveProgress(ctx.deps, leader, {
          instanceId,
          unitId: library,
          version: 11,
          status: 'done',
          percent: 100,
          narrative: 'x',
        }),
      ),
    ).toMatchObject({ status: 403 });

    const view = await getInstanceView(ctx.deps, leader, instanceId);
    const transitions = view.events
      .filter((e) => e.kind === 'transition')
      .map((e) => `${e.fromState}→${e.toState}`);
    expect(transitions).toEqual([
      'draft→ready',
      'ready→submitted',
      'submitted→returned',
      'returned→ready',
      'ready→submitted',
      'submitted→approved',
    ]);
    expect(view.events.find((e) => e.toState === 'returned')?.comment).toBe('Bổ sung số liệu bạn đọc');
    expect(view.events.at(-1)).toMatchObject({ kind: 'comment', comment: 'Tốt, tiếp tục phát huy' });
    const lib = view.parts.find((p) => p.unit.id === library);
    expect(lib?.evidence.map((e) => e.title)).toEqual(['Bài viết trên cổng thông tin']);
    const audits = await ctx.dbh.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'plan.report.%' ORDER BY at, id",
    );
    expect(audits.map((a) => a.action)).toContain('plan.report.return');
    // Museum staff sees none of the library's timeline entries.
    const museumView = await getInstanceView(ctx.deps, museumStaff, instanceId);
    expect(museumView.events.some((e) => e.unitId === library)).toBe(false);
  });
});
