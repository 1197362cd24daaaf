// Restriction and objection beyond notices: a person under one disappears from public lists (a challenge's
// leaderboard, the sponsors' thank-you page) and their learning analytics stop (streaks and goal progress on
// their record, the staff aggregates), until it is lifted. Personal learning analytics are opt-in (ADR 0015):
// off for someone who never chose, on once they give that consent, off again when they withdraw it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { testActor } from '../../test/actors.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { checkIn } from '../events/events-attendance.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { currentLearner } from '../learners/index.server.ts';
import {
  createChallenge,
  joinChallenge,
  logReading,
  setChallengeStatus,
  viewChallenge,
} from '../learning/challenges.usecases.server.ts';
import { learnerRecord, setLearningAnalytics, unitAggregates } from '../lrs/lrs-record.usecases.server.ts';
import { createSponsor, publicSponsors } from '../sponsorship/sponsorship.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { activeRestrictions, liftRestriction } from './privacy.restrictions.server.ts';
import { completeRequest, openRequests, submitRequest } from './privacy.usecases.server.ts';

let ctx: TestContext;
const tag = randomBytes(4).toString('hex');
beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

async function person(name: string) {
  const u = await signUpAndSignIn(ctx, { name });
  const base = testActor([]);
  if (base.kind !== 'user') throw new Error('test actor is a user');
  return { actor: { ...base, userId: u.userId, email: u.email, name } as Actor, ...u };
}

describe('restricted or objecting people', () => {
  it('are hidden from public lists and left out of learning analytics until the restriction is lifted', async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const objector = await person(`Vũ Phản Đối ${tag}`);
    const other = await person(`Đỗ Bình Thường ${tag}`);

    // A running challenge both joined with the leaderboard opt-in, and both read.
    const today = isoDateInVietnam(ctx.deps.now());
    const day = (n: number) => isoDateInVietnam(new Date(ctx.deps.now().getTime() + n * 86_400_000));
    const challenge = await createChallenge(ctx.deps, staff, {
      unitId: library,
      title: `Thử thách ${tag}`,
      description: '',
      startsOn: day(-5),
      endsOn: day(5),
      goalKind: 'books',
      goal: 3,
      groupKind: null,
    });
    await setChallengeStatus(ctx.deps, staff, challenge, 'published', 1);
    for (const p of [objector, other]) {
      await joinChallenge(ctx.deps, p.actor, challenge, { leaderboardOptIn: true });
      await logReading(ctx.deps, p.actor, challenge, { title: 'Truyện Kiều', minutes: 0, readOn: today });
    }
    // The objector also thanked in public as a sponsor (matched by the account's e-mail).
    await createSponsor(ctx.deps, staff, {
      unitId: library,
      kind: 'person',
      name: `Vũ Phản Đối ${tag}`,
      email: objector.email,
      phone: null,
      address: '',
      publicConsent: true,
      consentOn: today,
    });
    // And attended an event: a learning record with hours the staff aggregates count.
    const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
    const eventId = await createEvent(ctx.deps, staff, eventInput(library, place));
    const session = (
      await ctx.dbh.query<{ id: string }>('SELECT id FROM event_sessions WHERE event_id = $1', [eventId])
    )[0]!.id;
    for (const [i, p] of [objector, other].entries()) {
      const reg = await registerForEvent(ctx.deps, p.actor, eventId, {
        sessionId: null,
        name: p.actor.kind === 'user' ? p.actor.name : '',
        phone: null,
        email: null,
        partySize: 1,
        consent: true,
        idempotencyKey: `lists-${tag}-${i}`,
      });
      await checkIn(ctx.deps, staff, eventId, { sessionId: session, code: reg.registration.ticketCode });
    }
    const year = Number(today.slice(0, 4));
    const learnersOf = async () =>
      (await unitAggregates(ctx.deps, admin, year)).reduce((s, a) => s + a.learners, 0);

    const board = async () =>
      (await viewChallenge(ctx.deps, testActor([]), challenge)).leaderboard.map((r) => r.displayName);
    const thanked = async () => (await publicSponsors(ctx.deps)).map((s) => s.name);
    const me = (await currentLearner(objector.actor))!;
    // Both turned personal learning analytics on (opt-in, ADR 0015).
    for (const p of [objector, other])
      await setLearningAnalytics(
        ctx.deps,
        (await currentLearner(p.actor))!,
        true,
        'Thống kê học tập cá nhân',
      );
    expect(await board()).toEqual(expect.arrayContaining([`Vũ Phản Đối ${tag}`, `Đỗ Bình Thường ${tag}`]));
    expect(await thanked()).toContain(`Vũ Phản Đối ${tag}`);
    expect((await learnerRecord(ctx.deps, me)).streak).not.toBeNull();
    const learnersBefore = await learnersOf();

    await submitRequest(ctx.deps, objector.actor, { kind: 'objection', details: 'Không công khai tên tôi' });
    const req = (await openRequests(ctx.deps, admin)).find((r) => r.userId === objector.userId)!;
    await completeRequest(ctx.deps, admin, req.id, { status: 'done', note: '' });

    expect(await board()).toEqual([`Đỗ Bình Thường ${tag}`]);
    expect(await thanked()).not.toContain(`Vũ Phản Đối ${tag}`);
    expect(JSON.stringify(await publicSponsors(ctx.deps))).not.toContain('@');
    const restrictedRecord = await learnerRecord(ctx.deps, me);
    expect(restrictedRecord.streak).toBeNull();
    expect(restrictedRecord.analyticsOff).toBe('restricted');
    // The record itself stays the person's to see.
    expect(restrictedRecord.timeline.length).toBeGreaterThan(0);
    expect(await learnersOf()).toBe(learnersBefore - 1);
    // The other person's analytics go on.
    expect((await learnerRecord(ctx.deps, (await currentLearner(other.actor))!)).streak).not.toBeNull();

    const [r] = (await activeRestrictions(ctx.deps, admin)).filter((x) => x.userId === objector.userId);
    await liftRestriction(ctx.deps, admin, r!.id);
    expect(await board()).toHaveLength(2);
    expect(await thanked()).toContain(`Vũ Phản Đối ${tag}`);
    expect((await learnerRecord(ctx.deps, me)).streak).not.toBeNull();
    expect(await learnersOf()).toBe(learnersBefore);
  });

  it('personal analytics are off for someone who never chose, and run only once they turn them on', async () => {
    const p = await person(`Lê Chưa Chọn ${tag}`);
    const me = (await currentLearner(p.actor))!;
    const before = await learnerRecord(ctx.deps, me);
    expect(before.analyticsOff).toBe('notGiven');
    expect(before.streak).toBeNull();
    expect(before.goal).toBeNull();
    const ledger = await ctx.dbh.query<{ action: string }>(
      `SELECT action FROM consent_ledger WHERE learner_id = $1 AND purpose = 'lrs.analytics'`,
      [p.userId],
    );
    expect(ledger).toEqual([]);
    await setLearningAnalytics(ctx.deps, me, true, 'Thống kê học tập cá nhân');
    const after = await learnerRecord(ctx.deps, me);
    expect(after.analyticsOff).toBeNull();
    expect(after.streak).not.toBeNull();
  });

  it('withdrawing the learning-analytics consent stops the personal analytics; giving it again restarts them', async () => {
    const p = await person(`Mai Tự Chọn ${tag}`);
    const me = (await currentLearner(p.actor))!;
    await setLearningAnalytics(ctx.deps, me, true, 'Thống kê học tập cá nhân');
    expect((await learnerRecord(ctx.deps, me)).streak).not.toBeNull();
    await setLearningAnalytics(ctx.deps, me, false, 'Thống kê học tập cá nhân');
    const off = await learnerRecord(ctx.deps, me);
    expect(off.streak).toBeNull();
    expect(off.goal).toBeNull();
    expect(off.analyticsOff).toBe('withdrawn');
    const ledger = await ctx.dbh.query<{ action: string }>(
      `SELECT action FROM consent_ledger WHERE learner_id = $1 AND purpose = 'lrs.analytics' ORDER BY seq`,
      [p.userId],
    );
    expect(ledger.map((e) => e.action)).toEqual(['given', 'withdrawn']);
    await setLearningAnalytics(ctx.deps, me, true, 'Thống kê học tập cá nhân');
    expect((await learnerRecord(ctx.deps, me)).analyticsOff).toBeNull();
  });

  it('the record page starts with the insights off, explains the switch, and turns them on and off without JavaScript', async () => {
    const p = await person(`Hà Trang ${tag}`);
    const page = async () => (await ctx.request('/hoc-tap', { headers: { cookie: p.cookie } })).text();
    const first = await page();
    expect(first).toContain('Bật thống kê học tập cá nhân');
    expect(first).toContain('im lặng không phải là đồng ý');
    expect(first).not.toContain('Chuỗi hiện tại');
    const post = (intent: string) => postForm(ctx, '/hoc-tap', { intent }, { cookie: p.cookie });
    expect((await post('analytics-on')).status).toBeLessThan(400);
    const on = await page();
    expect(on).toContain('Chuỗi hiện tại');
    expect(on).toContain('Tắt thống kê học tập cá nhân');
    expect((await post('analytics-off')).status).toBeLessThan(400);
    const off = await page();
    expect(off).toContain('Bật thống kê học tập cá nhân');
    expect(off).not.toContain('Chuỗi hiện tại');
    expect(off).not.toContain('im lặng không phải là đồng ý');
  });
});
