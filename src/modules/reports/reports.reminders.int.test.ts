// Reminders to units late with their report: 7 days and 1 day before the deadline and the day after it, to the
// staff and managers of each unit that has not submitted; once each however often the job runs; none to a unit
// that submitted, none on other days; the job kind is registered and scheduled. The mail carries the message
// catalogue's words, in English for a person whose own profile chose English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../app/registries.server.ts';
import { t } from '../../lib/i18n.server.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { createUserWithPassword } from '../auth/auth.users.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { feature } from './reports.module.server.ts';
import { REMINDERS_JOB, sendReportReminders } from './reports.reminders.server.ts';
import { saveSubmission, transitionSubmission } from './reports.usecases.server.ts';

describe('reminders to units late with their report', () => {
  let ctx: TestContext;
  let librarian = '';
  let curator = '';
  let library = '';
  let english = '';
  const PERIOD = 'nam-2026';

  const user = async (role: 'unit_staff' | 'unit_manager', unitId: string, email: string) => {
    const { id } = await createUserWithPassword(ctx.deps, {
      email,
      name: 'Cán bộ',
      password: 'Hoa sen nở giữa hồ 2024',
    });
    await grantRoleAsSystem(ctx.deps, { userId: id, role, unitId });
    return id;
  };
  const mine = async (userId: string) =>
    (await ctx.deps.repos.notifications.list(ctx.deps.db, userId)).filter((n) =>
      n.kind.startsWith('reports.reminder.'),
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    const museum = await unitIdOf(ctx, 'bao-tang-tinh');
    librarian = await user('unit_staff', library, 'nhac.thuvien@example.vn');
    curator = await user('unit_manager', museum, 'nhac.baotang@example.vn');
    english = await user('unit_staff', library, 'nhac.english@example.vn');
    await ctx.dbh.query(
      `INSERT INTO learner_profiles (id, manager_user_id, relation, display_name, preferred_language)
       VALUES ($1, $1, 'self', 'Cán bộ', 'en')`,
      [english],
    );
    // The museum submits its 2026 report; the library does not.
    await saveSubmission(ctx.deps, await actorOn(ctx, 'unit_staff', 'bao-tang-tinh'), PERIOD, museum, {
      narratives: { I: 'Triển khai trưng bày số.' },
      difficulties: '',
      proposals: '',
      manualValues: {},
      version: 1,
    });
    const version =
      (
        await ctx.deps.repos.reports.submission(
          ctx.deps.db,
          (await ctx.deps.repos.reports.period(ctx.deps.db, PERIOD))?.id ?? '',
          museum,
        )
      )?.version ?? 1;
    await transitionSubmission(
      ctx.deps,
      await actorOn(ctx, 'unit_manager', 'bao-tang-tinh'),
      PERIOD,
      museum,
      {
        transition: 'submit',
        version,
      },
    );
  });
  afterAll(() => ctx.close());

  it('reminds the late unit’s staff before and after the deadline, once each', async () => {
    const deadline = (await ctx.deps.repos.reports.period(ctx.deps.db, PERIOD))?.deadline;
    expect(deadline).toBe('2026-12-15');
    expect(await sendReportReminders(ctx.deps, '2026-12-01')).toBe(0);
    expect(await sendReportReminders(ctx.deps, '2026-12-08')).toBeGreaterThan(0);
    expect(await sendReportReminders(ctx.deps, '2026-12-08')).toBe(0);
    await sendReportReminders(ctx.deps, '2026-12-14');
    await sendReportReminders(ctx.deps, '2026-12-16');
    const got = await mine(librarian);
    expect(got.map((n) => n.kind).sort()).toEqual([
      'reports.reminder.d1',
      'reports.reminder.d7',
      'reports.reminder.late',
    ]);
    const late = got.find((n) => n.kind === 'reports.reminder.late');
    expect(late?.messageKey).toBe('reports.notify.late');
    expect(late?.link).toBe(`/admin/reports/${PERIOD}/units/${library}`);
    expect(late?.params).toMatchObject({ date: '15/12/2026', unit: 'Thư viện tỉnh' });
    // The museum submitted: nothing for its manager.
    expect(await mine(curator)).toEqual([]);
  });

  it('sends each reminder by e-mail too (the outbox without SMTP), once per person and stage', async () => {
    const mail = await ctx.dbh.query<{ subject: string; body_text: string; purpose: string }>(
      'SELECT subject, body_text, purpose FROM mail_outbox WHERE to_address = $1 ORDER BY created_at',
      ['nhac.thuvien@example.vn'],
    );
    expect(mail).toHaveLength(3);
    expect(mail.every((m) => m.purpose === 'reports.reminder')).toBe(true);
    expect(mail[2]?.body_text).toContain('Quá hạn');
    expect(mail[2]?.body_text).toContain(`/admin/reports/${PERIOD}/units/${library}`);
    const museum = await ctx.dbh.query('SELECT 1 FROM mail_outbox WHERE to_address = $1', [
      'nhac.baotang@example.vn',
    ]);
    expect(museum).toHaveLength(0);
  });

  it('words each mail from the message catalogue, in the language the person chose', async () => {
    const period = await ctx.deps.repos.reports.period(ctx.deps.db, PERIOD);
    const url = `${ctx.deps.config.publicUrl}/admin/reports/${PERIOD}/units/${library}`;
    const expected = (locale: 'vi' | 'en') => {
      const params = {
        period: (locale === 'en' ? period?.titleEn : period?.titleVi) ?? '',
        unit: 'Thư viện tỉnh',
        date: '15/12/2026',
      };
      return {
        subject: t(locale, 'reports.notice.subject', params),
        body_text: t(locale, 'reports.notice.text', { line: t(locale, 'reports.notify.late', params), url }),
      };
    };
    const last = async (to: string) =>
      (
        await ctx.dbh.query<{ subject: string; body_text: string }>(
          'SELECT subject, body_text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
          [to],
        )
      )[0];
    expect(await last('nhac.thuvien@example.vn')).toEqual(expected('vi'));
    expect(await last('nhac.english@example.vn')).toEqual(expected('en'));
    expect(expected('en').body_text).toMatch(/^Overdue: /);
    expect(expected('vi').body_text).toMatch(/^Quá hạn: /);
  });

  it('is a registered job run daily', () => {
    expect(Object.keys(jobHandlers)).toContain(REMINDERS_JOB);
    expect(feature.schedules).toContainEqual({ kind: REMINDERS_JOB, dailyAt: '08:00' });
  });
});
