// The plan approval notice's mail (plan.approved.send, unit-staff fallback): its subject and text are the
// message catalogue's, in the language each person chose on their own learner profile, Vietnamese otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { runDueJobs } from '../jobs/jobs.runner.server.ts';
import { APPROVED_NOTICE_JOB } from './work/approval-notice.server.ts';
import { approveMuseumReport, museumPeople } from './work/work.test-helpers.ts';

describe('approval notice mail from the catalogue', () => {
  let ctx: TestContext;
  const emails: Record<'vi' | 'en', string> = { vi: '', en: '' };

  beforeAll(async () => {
    ctx = await createTestContext();
    const people = await museumPeople(ctx, [
      ['Cán bộ vi', 'unit_staff'],
      ['Cán bộ en', 'unit_staff'],
    ]);
    for (const [k, locale] of (['vi', 'en'] as const).entries()) {
      const u = people[k] as (typeof people)[number];
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
    const { unitId, instanceId } = await approveMuseumReport(ctx);
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
