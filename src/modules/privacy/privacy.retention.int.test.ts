import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../lib/authz.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRole } from '../access/access.grants.server.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { recordGuestConsents } from '../events/events-consent-ledger.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import {
  purgeExpiredData,
  RETENTION_KEY,
  retentionOverview,
  retentionPeriods,
  updateRetention,
} from './privacy.retention.server.ts';

let ctx: TestContext;
const DAY = 86_400_000;

beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

const count = async (q: string, p: unknown[] = []) =>
  Number((await ctx.dbh.query<{ n: number }>(q, p))[0]?.n ?? 0);

describe('retention', () => {
  it('purges what is past each period across modules, idempotently, audited with counts; the dry run said so', async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const now = ctx.deps.now();
    // An old outbox mail and a fresh one (mail module).
    await ctx.dbh.query(
      `INSERT INTO mail_outbox (id, to_address, subject, body_text, purpose, created_at)
       VALUES ('mail_ret_old', 'cu@example.vn', 'Cũ', 'Thư cũ', 'test', $1),
              ('mail_ret_new', 'moi@example.vn', 'Mới', 'Thư mới', 'test', $2)`,
      [new Date(now.getTime() - 200 * DAY), now],
    );
    // An expired one-time code from last week (learners module).
    await ctx.dbh.query(
      `INSERT INTO learner_codes (id, purpose, address_hash, code_hash, expires_at, created_at)
       VALUES ('code_ret_old', 'sign-in', 'h', 'c', $1, $1)`,
      [new Date(now.getTime() - 7 * DAY)],
    );
    // A guest of an event that ended two years ago, and a guest of an event still to come (events module).
    const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
    const unitId = await unitIdOf(ctx, 'thu-vien-tinh');
    const past = await createEvent(ctx.deps, staff, eventInput(unitId, placeId, { title: 'Sự kiện cũ' }));
    const future = await createEvent(ctx.deps, staff, eventInput(unitId, placeId, { title: 'Sự kiện tới' }));
    const old = await registerForEvent(ctx.deps, ANONYMOUS, past, guest({ name: 'Trần Khách Cũ' }));
    const fresh = await registerForEvent(ctx.deps, ANONYMOUS, future, guest({ name: 'Lê Khách Mới' }));
    await recordGuestConsents(ctx.deps);
    const twoYearsAgo = new Date(now.getTime() - 730 * DAY);
    await ctx.dbh.query(`UPDATE event_sessions SET starts_at = $2, ends_at = $3 WHERE event_id = $1`, [
      past,
      twoYearsAgo,
      new Date(twoYearsAgo.getTime() + 3600_000),
    ]);
    await ctx.dbh.query('UPDATE event_registrations SET created_at = $2 WHERE id = $1', [
      old.registration.id,
      new Date(twoYearsAgo.getTime() - DAY),
    ]);

    const before = await retentionOverview(ctx.deps, admin);
    const due = Object.fromEntries(before.lines.map((l) => [l.category, l.due]));
    expect(due['mail.outbox']).toBeGreaterThanOrEqual(1);
    expect(due['learners.codes']).toBeGreaterThanOrEqual(1);
    expect(due['events.guest-registrations']).toBe(1);
    // The dry run changes nothing.
    expect(await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE id = 'mail_ret_old'`)).toBe(1);

    const counts = await purgeExpiredData(ctx.deps);
    expect(counts).toEqual(due);
    expect(await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE id LIKE 'mail_ret_%'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM learner_codes WHERE id = 'code_ret_old'`)).toBe(0);
    const regs = await ctx.dbh.query<{ id: string; name: string; email: string; status: string }>(
      'SELECT id, name, email, status FROM event_registrations WHERE id = ANY($1)',
      [[old.registration.id, fresh.registration.id]],
    );
    const oldRow = regs.find((r) => r.id === old.registration.id)!;
    // Anonymised, not deleted: the attendance row and its status stay for the indicators.
    expect(oldRow.name).toBe('—');
    expect(oldRow.email).toMatch(/@erased\.invalid$/);
    expect(oldRow.status).toBe(old.registration.status);
    expect(regs.find((r) => r.id === fresh.registration.id)!.name).toBe('Lê Khách Mới');

    // Idempotent: the next run finds nothing more, and says so in the audit log too.
    const again = await purgeExpiredData(ctx.deps);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    const audits = await ctx.dbh.query<{ after: { counts: Record<string, number> } }>(
      `SELECT after FROM audit_log WHERE action = 'privacy.retention.purge' ORDER BY at`,
    );
    expect(audits.at(-2)?.after.counts).toEqual(counts);
    expect(audits.at(-1)?.after.counts).toEqual(again);
  });

  it('administrators change the periods (versioned, audited); a stale form is a 409; bad days are all listed', async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const { version, lines } = await retentionOverview(ctx.deps, admin);
    const days = Object.fromEntries(lines.map((l) => [l.category, String(l.days)]));
    await updateRetention(ctx.deps, admin, { version, days: { ...days, 'mail.outbox': '30' } });
    expect((await retentionPeriods(ctx.deps))['mail.outbox']).toBe(30);
    await expect(
      updateRetention(ctx.deps, admin, { version, days: { ...days, 'mail.outbox': '60' } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      retentionOverview(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh')),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'privacy.retention.update'
        AND entity_id = $1`,
        [RETENTION_KEY],
      ),
    ).toBe(1);

    // The page: every bad period at once, with the error summary; a stale form gets 409.
    const user = await signUpAndSignIn(ctx, { name: 'Quản trị dữ liệu' });
    await grantRole(ctx.deps, admin, {
      userId: user.userId,
      role: 'administrator',
      unitId: await unitIdOf(ctx, 'so-vhttdl'),
    });
    const page = await ctx.request('/admin/privacy/retention', { headers: { cookie: user.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="mail.outbox"');
    expect(html).toContain('data-due="events.guest-registrations"');
    const current = await retentionOverview(ctx.deps, admin);
    const bad = await postForm(
      ctx,
      '/admin/privacy/retention',
      { ...days, 'mail.outbox': '1', 'learners.codes': 'abc', version: String(current.version) },
      { cookie: user.cookie },
    );
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#ret-mail-outbox"');
    expect(badHtml).toContain('href="#ret-learners-codes"');
    const stale = await postForm(
      ctx,
      '/admin/privacy/retention',
      { ...days, version: String(version) },
      { cookie: user.cookie },
    );
    expect(stale.status).toBe(409);
    const ok = await postForm(
      ctx,
      '/admin/privacy/retention',
      { ...days, 'mail.outbox': '120', version: String(current.version) },
      { cookie: user.cookie },
    );
    expect(ok.status).toBe(303);
    expect((await retentionPeriods(ctx.deps))['mail.outbox']).toBe(120);
  });
});
