import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { runDueJobs } from '../jobs/jobs.runner.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import {
  FOLLOWS_NOTIFY_JOB,
  FOLLOWS_SCAN_JOB,
  follow,
  listFollows,
  myFollowedEvents,
} from './follows.usecases.server.ts';

let ctx: TestContext;
let library: Actor;
let museum: Actor;
let libraryId: string;
let museumId: string;
let libraryPlace: string;
let museumPlace: string;
let reader: { actor: Actor; cookie: string; userId: string };
let rootFollower: Actor;
let stranger: Actor;

async function person() {
  const u = await signUpAndSignIn(ctx);
  const base = testActor([]);
  if (base.kind !== 'user') throw new Error('test actor is a user');
  return {
    actor: { ...base, userId: u.userId, email: u.email } as Actor,
    cookie: u.cookie,
    userId: u.userId,
  };
}

async function notificationsOf(userId: string) {
  return ctx.dbh.query<{ message_key: string; params: { title: string }; link: string }>(
    'SELECT message_key, params, link FROM notifications WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
}

const JOBS = { kinds: [FOLLOWS_SCAN_JOB, FOLLOWS_NOTIFY_JOB] };

beforeAll(async () => {
  ctx = await createTestContext();
  library = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  museumId = await unitIdOf(ctx, 'bao-tang-tinh');
  libraryPlace = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa');
  museumPlace = await insertPlace(ctx, 'bao-tang-tinh', 'Bảo tàng tỉnh Khánh Hòa');
  reader = await person();
  rootFollower = (await person()).actor;
  stranger = (await person()).actor;
}, 180_000);
afterAll(() => ctx?.close());

describe('following units, places and categories', () => {
  it('follows once, refuses unknown targets and anonymous visitors', async () => {
    expect(await follow(ctx.deps, reader.actor, { kind: 'unit', target: libraryId })).toEqual({
      created: true,
    });
    expect(await follow(ctx.deps, reader.actor, { kind: 'unit', target: libraryId })).toEqual({
      created: false,
    });
    expect(await follow(ctx.deps, reader.actor, { kind: 'category', target: 'heritage' })).toEqual({
      created: true,
    });
    await expect(
      follow(ctx.deps, reader.actor, { kind: 'unit', target: 'unit_aaaaaaaaaaaaaaaa' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(follow(ctx.deps, ANONYMOUS, { kind: 'category', target: 'reading' })).rejects.toMatchObject({
      status: 401,
    });
    const mine = await listFollows(ctx.deps, reader.actor);
    expect(mine.map((f) => [f.targetKind, f.targetName ?? f.targetId])).toEqual([
      ['category', 'heritage'],
      ['unit', 'Thư viện tỉnh'],
    ]);
    const root = await unitIdOf(ctx, 'so-vhttdl');
    await follow(ctx.deps, rootFollower, { kind: 'unit', target: root });
  });

  it('notifies followers of a newly published event once, from a job, and lists it in their view', async () => {
    const reading = await createEvent(
      ctx.deps,
      library,
      eventInput(libraryId, libraryPlace, { title: 'Giờ đọc thiếu nhi' }),
    );
    const heritage = await createEvent(
      ctx.deps,
      museum,
      eventInput(museumId, museumPlace, { title: 'Tọa đàm di sản', category: 'heritage' }),
    );
    await createEvent(
      ctx.deps,
      museum,
      eventInput(museumId, museumPlace, { title: 'Lớp vẽ', category: 'class' }),
    );
    await createEvent(
      ctx.deps,
      library,
      eventInput(libraryId, libraryPlace, { title: 'Chưa công bố', status: 'draft' }),
    );
    await ctx.deps.repos.jobs.enqueue(ctx.deps.db, { kind: FOLLOWS_SCAN_JOB });
    await runDueJobs(ctx.deps, JOBS);

    const got = await notificationsOf(reader.userId);
    expect(got.map((n) => n.params.title).sort()).toEqual(['Giờ đọc thiếu nhi', 'Tọa đàm di sản']);
    expect(got.every((n) => n.message_key === 'follows.notification.newEvent')).toBe(true);
    expect(got.map((n) => n.link).sort()).toEqual([`/events/${reading}`, `/events/${heritage}`].sort());
    // Following the Department (the root) covers every unit below it.
    expect(await notificationsOf(rootFollower.kind === 'user' ? rootFollower.userId : '')).toHaveLength(3);
    expect(await notificationsOf(stranger.kind === 'user' ? stranger.userId : '')).toHaveLength(0);

    // The next scan finds the same events and sends nothing again.
    await ctx.deps.repos.jobs.enqueue(ctx.deps.db, { kind: FOLLOWS_SCAN_JOB });
    await runDueJobs(ctx.deps, JOBS);
    expect(await notificationsOf(reader.userId)).toHaveLength(2);

    const view = await myFollowedEvents(ctx.deps, reader.actor);
    expect(view.map((s) => s.title).sort()).toEqual(['Giờ đọc thiếu nhi', 'Tọa đàm di sản']);
    expect(await myFollowedEvents(ctx.deps, stranger)).toEqual([]);
  });
});

describe('the follows page (no JavaScript)', () => {
  it('sends anonymous visitors to sign in', async () => {
    const res = await ctx.request('/account/follows', { redirect: 'manual' });
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('location')).toContain('/sign-in');
  });

  it('shows follows and upcoming events, follows a category and creates a private feed link', async () => {
    const page = await ctx.request('/account/follows', { headers: { cookie: reader.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Giờ đọc thiếu nhi');
    expect(html).toContain('Thư viện tỉnh');
    expect(html).not.toContain('<script');

    const followed = await postForm(
      ctx,
      '/account/follows',
      { intent: 'follow', kind: 'category', target: 'class' },
      { cookie: reader.cookie },
    );
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain('Đã theo dõi.');

    const bad = await postForm(
      ctx,
      '/account/follows',
      { intent: 'follow', kind: 'category', target: '<script>' },
      { cookie: reader.cookie },
    );
    expect(bad.status).toBe(422);

    const feed = await postForm(
      ctx,
      '/account/follows',
      { intent: 'feed-create' },
      { cookie: reader.cookie },
    );
    expect(feed.status).toBe(200);
    const m = /value="http:\/\/localhost:3000(\/feeds\/me\/[\w-]+\.ics)"/.exec(await feed.text());
    expect(m?.[1]).toBeTruthy();
    expect((await ctx.request(m![1]!)).status).toBe(200);
  });

  it('offers to follow the category shown in the month view, and comes back to it', async () => {
    const page = await ctx.request('/events/calendar?month=2027-04&category=heritage', {
      headers: { cookie: reader.cookie },
    });
    const html = await page.text();
    expect(html).toContain('Theo dõi loại “Di sản”');
    expect(html).toContain('name="returnTo" value="/events/calendar?month=2027-04&amp;category=heritage"');
    const res = await postForm(
      ctx,
      '/account/follows',
      { intent: 'follow', kind: 'category', target: 'reading', returnTo: '/events/calendar?month=2027-04' },
      { cookie: reader.cookie },
    );
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('location')).toBe('/events/calendar?month=2027-04');
  });

  it('follows from another page and goes back there, never to another site', async () => {
    const res = await postForm(
      ctx,
      '/account/follows',
      { intent: 'follow', kind: 'category', target: 'talk', returnTo: '//evil.example/x' },
      { cookie: reader.cookie },
    );
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('location')).toBe('/account/follows');
  });
});
