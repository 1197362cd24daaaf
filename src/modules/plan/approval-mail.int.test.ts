// The plan approval notice's mail (plan.approved.send, unit-staff fallback): its subject and text are the
// message catalogue's, in the language each person chose on their own learner profile, Vietnamese otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { runDueJobs } from '../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { APPROVED_NOTICE_JOB } from './work/approval-notice.server.ts';
import { saveProgress, transitionReport } from './work/progress.usecases.server.ts';

describe('approval notice mail from the catalogue', () => {
  let ctx: TestContext;
  const emails: Record<'vi' | 'en', string> = { vi: '', en: '' };

  beforeAll(async () => {
    ctx = await createTestContext();
    const unit = await unitIdOf(ctx, 'bao-tang-tinh');
    for (const locale of ['vi', 'en'] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Cán bộ ${locale}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: unit });
      await ctx.dbh.query(
        `INSERT INTO learner_profiles (id, manager_user_id, relation, display_name, preferred_language)
         VALUES ($1, $1, 'self', 'Cán bộ', $2) ON CONFLICT (id) DO UPDATE SET preferred_language = $2`,
        [u.userId, locale],
      );
      emails[locale] = u.email;
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  it('mails each staff member in their language', async () => {
    const unitId = await unitIdOf(ctx, 'bao-tang-tinh');
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
    const instanceId = task?.instances.find((i) => i.year === 2025)?.id ?? '';
    const staff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const saved = await saveProgress(ctx.deps, staff, {
      instanceId,
      unitId,
      version: 0,
      status: 'done',
      percent: 100,
      narrative: 'Đã tổ chức 3 buổi nói chuyện chuyên đề',
    });
    const step = (actor: typeof staff, version: number, transition: 'ready' | 'submit' | 'approve') =>
      transitionReport(ctx.deps, actor, { instanceId, unitId, version, transition });
    await step(staff, saved.version, 'ready');
    await step(await actorOn(ctx, 'unit_manager', 'bao-tang-tinh'), saved.version + 1, 'submit');
    await step(await actorOn(ctx, 'department_officer', 'phong-qlvhgd'), saved.version + 2, 'approve');
    await runDueJobs(ctx.deps, { kinds: [APPROVED_NOTICE_JOB] });
    const report = await ctx.deps.repos.planWork.getReport(ctx.deps.db, instanceId, unitId);
    const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      report?.approvedAt ?? new Date(),
    );
    for (const locale of ['vi', 'en'] as const) {
      const [mail] = await ctx.dbh.query<{ subject: string; body_text: string }>(
        `SELECT subject, body_text FROM mail_outbox WHERE purpose = 'plan.approved' AND to_address = $1`,
        [emails[locale]],
      );
      const params = { task: 'III.1', year: '2025', unit: 'Bảo tàng tỉnh', date };
      expect(mail?.subject).toBe(t(locale, 'planwork.mail.approved.subject', params));
      expect(mail?.body_text).toBe(
        t(locale, 'planwork.mail.approved.text', {
          ...params,
          name: emails[locale],
          url: `${ctx.deps.config.publicUrl}/admin/plan/instances/${instanceId}`,
        }),
      );
    }
    expect(t('en', 'planwork.mail.approved.subject', { task: 'x', year: '1' })).toMatch(/Approved/);
  });
});
