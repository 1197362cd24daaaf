// The platform writes the learner's record itself: a staff check-in becomes "attended" (with unit, place,
// commune, category and the session's length), shows on the learner's record page and export, counts in
// the indicators and staff aggregates, and survives erasure only as an anonymous row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSources, personalDataHandlers } from '../../app/registries.server.ts';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { checkIn } from '../events/events-attendance.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { lrsPort } from './index.server.ts';
import { unitAggregates } from './lrs-record.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let unitId: string;
let eventId: string;
let sessionId: string;
let reader: { userId: string; cookie: string; actor: Actor };

const TITLE = 'Nói chuyện chuyên đề: Văn hóa đọc trong gia đình';

async function person() {
  const u = await signUpAndSignIn(ctx);
  const base = testActor([]);
  if (base.kind !== 'user') throw new Error('user');
  return {
    userId: u.userId,
    cookie: u.cookie,
    actor: { ...base, userId: u.userId, email: u.email } as Actor,
  };
}

async function statementsOf(learnerId: string) {
  return ctx.dbh.query<{
    unit_id: string;
    commune: string;
    category: string;
    duration_seconds: number;
    verb_id: string;
  }>(
    'SELECT unit_id, commune, category, duration_seconds, verb_id FROM lrs_statements WHERE learner_id = $1',
    [learnerId],
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  unitId = await unitIdOf(ctx, 'thu-vien-tinh');
  const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa');
  await ctx.dbh.query("UPDATE places SET commune = 'Phường Nha Trang' WHERE id = $1", [placeId]);
  eventId = await createEvent(ctx.deps, staff, eventInput(unitId, placeId, { title: TITLE }));
  sessionId = (await ctx.deps.repos.events.sessions(ctx.deps.db, eventId))[0]?.id as string;
  reader = await person();
}, 180_000);
afterAll(() => ctx?.close());

describe('event check-in writes the learner record', () => {
  it('records "attended" for a signed-in registrant, with unit, commune, category and duration', async () => {
    const r = await registerForEvent(ctx.deps, reader.actor, eventId, guest({ name: 'Trần Thị Lan' }));
    await checkIn(ctx.deps, staff, eventId, { sessionId, code: r.registration.ticketCode });
    const rows = await statementsOf(reader.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unit_id: unitId,
      commune: 'Phường Nha Trang',
      category: 'reading',
      duration_seconds: 9000,
      verb_id: 'http://adlnet.gov/expapi/verbs/attended',
    });
  });

  it('records nothing for a registration made without an account', async () => {
    const before = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM lrs_statements');
    const r = await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest());
    await checkIn(ctx.deps, staff, eventId, { sessionId, code: r.registration.ticketCode });
    const after = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM lrs_statements');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('shows the attendance on the learner record page, in the chart table and the xAPI export', async () => {
    const page = await ctx.request('/hoc-tap', { headers: { cookie: reader.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(TITLE);
    expect(html).toContain('<svg');
    expect(html).toMatch(/2,5/);
    const exported = await ctx.request('/hoc-tap/xapi.json', { headers: { cookie: reader.cookie } });
    const body = await exported.json();
    expect(body.statements).toHaveLength(1);
    expect(body.statements[0].actor.account.name).toBe(reader.userId);
    expect(body.statements[0].object.definition.name.vi).toBe(TITLE);
  });

  it("does not show one learner's record to another", async () => {
    const other = await person();
    const html = await (await ctx.request('/hoc-tap', { headers: { cookie: other.cookie } })).text();
    expect(html).not.toContain(TITLE);
  });

  it('sends anonymous visitors to sign in', async () => {
    const res = await ctx.request('/hoc-tap', { redirect: 'manual' });
    expect(res.status).toBe(302);
  });

  it('records the same source once however often a producer calls the port', async () => {
    const activity = {
      sourceKey: 'paths.step:demo',
      learnerId: reader.userId,
      verb: 'completed' as const,
      activity: { id: 'http://localhost/paths/demo/1', name: 'Bước 1' },
      at: new Date('2026-12-01T03:00:00Z'),
      category: 'path' as const,
      durationSeconds: 600,
    };
    const a = await ctx.deps.db.transaction((tx) => lrsPort.recordActivity(ctx.deps, tx, activity));
    const b = await ctx.deps.db.transaction((tx) => lrsPort.recordActivity(ctx.deps, tx, activity));
    expect(a).toBe(b);
    expect(await statementsOf(reader.userId)).toHaveLength(2);
  });
});

describe('counting', () => {
  const year = () => Number(new Date().toISOString().slice(0, 4));
  const period = () => ({
    from: new Date(`${year()}-01-01T00:00:00+07:00`),
    to: new Date(`${year() + 1}-01-01T00:00:00+07:00`),
  });

  it('gives the indicators learning hours by commune and active learners by unit', async () => {
    const hours = indicatorSources.get('lrs.learningHours');
    const learners = indicatorSources.get('lrs.activeLearners');
    const byCommune = await hours?.compute(ctx.deps, { ...period(), breakdown: 'commune' });
    expect(byCommune).toContainEqual({ key: 'Phường Nha Trang', value: 2.5 });
    const byUnit = await learners?.compute(ctx.deps, { ...period(), breakdown: 'unit', unitIds: [unitId] });
    expect(byUnit).toEqual([{ key: unitId, value: 1 }]);
  });

  it('shows staff per-unit aggregates, and refuses a citizen', async () => {
    const rows = await unitAggregates(ctx.deps, staff, year());
    expect(rows).toEqual([
      expect.objectContaining({ unitId, learners: 1, hours: 2.5, statements: 1, bySex: { unknown: 1 } }),
    ]);
    await expect(unitAggregates(ctx.deps, reader.actor, year())).rejects.toMatchObject({ status: 403 });
  });

  it('exports the learner data and erases it to a pseudonym that still counts', async () => {
    const handler = personalDataHandlers.find((h) => h.module === 'lrs')?.handler;
    const subject = { userId: reader.userId, learnerIds: [reader.userId], emails: [], phones: [] };
    const exported = await handler?.export(ctx.deps, ctx.deps.db, subject);
    expect(exported?.lrs_statements).toHaveLength(2);
    await ctx.deps.db.transaction((tx) => handler?.erase(ctx.deps, tx, subject) ?? Promise.resolve());
    expect(await statementsOf(reader.userId)).toHaveLength(0);
    const stored = await ctx.dbh.query<{ s: string }>(
      "SELECT statement::text AS s FROM lrs_statements WHERE category = 'reading'",
    );
    expect(stored.map((r) => r.s).join()).not.toContain(reader.userId);
    const hours = indicatorSources.get('lrs.learningHours');
    expect(await hours?.compute(ctx.deps, { ...period(), breakdown: 'commune' })).toContainEqual({
      key: 'Phường Nha Trang',
      value: 2.5,
    });
  });
});
