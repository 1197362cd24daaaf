// A double click or a resubmit after a timeout has one effect: back-office creating forms carry a one-time
// token and the API an Idempotency-Key; the second submission gets the first outcome, never a duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { unitIdOf } from '../units/units.test-helpers.ts';

let ctx: TestContext;
let library: string;
let staff: string;
let instanceId: string;

const count = async (sqlText: string, params: unknown[]) =>
  (await ctx.dbh.query<{ n: number }>(sqlText, params))[0]?.n ?? -1;

/** The token the page rendered for its creating form. */
async function tokenOf(path: string): Promise<string> {
  const html = await (await ctx.request(path, { headers: { cookie: staff } })).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no form token on ${path}`);
  return token;
}

/** The same form posted twice at once (a double click), as a browser without JavaScript would. */
async function doubleSubmit(path: string, fields: Record<string, string>) {
  const form = { ...fields, formToken: await tokenOf(path) };
  const answers = await Promise.all([
    postForm(ctx, path, form, { cookie: staff }),
    postForm(ctx, path, form, { cookie: staff }),
  ]);
  const again = await postForm(ctx, path, form, { cookie: staff }); // the resubmit after a timeout
  return [...answers, again];
}

beforeAll(async () => {
  ctx = await createTestContext();
  library = await unitIdOf(ctx, 'thu-vien-tinh');
  const user = await signUpAndSignIn(ctx, { name: 'Trần Văn Thủ' });
  await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: library });
  staff = user.cookie;
  const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-II-1');
  instanceId = task?.instances.find((i) => i.year === 2025)?.id ?? '';
}, 180_000);
afterAll(() => ctx?.close());

describe('double-submitted back-office forms', () => {
  it('mints a fresh token on every render of a creating form', async () => {
    const a = await tokenOf('/admin/events/new');
    const b = await tokenOf('/admin/events/new');
    expect(a).not.toBe(b);
  });

  it('creates one event when the new-event form is submitted twice, and both answers lead to it', async () => {
    const answers = await doubleSubmit('/admin/events/new', {
      unitId: library,
      title: 'Tọa đàm gửi hai lần',
      description: '',
      category: 'talk',
      placeId: '',
      onlineUrl: 'https://example.vn/toa-dam',
      capacity: '30',
      registrationMode: 'series',
      priceVnd: '0',
      organiserContact: '',
      planInstanceId: '',
      status: 'published',
      firstDate: '18/05/2027',
      startTime: '14:00',
      endTime: '16:00',
    });
    const [first] = answers;
    expect(first?.headers.get('location')).toMatch(/^\/admin\/events\/evt_[a-z2-9]{16}\?done=created$/);
    for (const a of answers) {
      expect(a.status).toBe(303);
      expect(a.headers.get('location')).toBe(first?.headers.get('location'));
    }
    expect(
      await count('SELECT count(*)::int AS n FROM events WHERE title = $1', ['Tọa đàm gửi hai lần']),
    ).toBe(1);
  });

  it('creates one place when the new-place form is submitted twice', async () => {
    const answers = await doubleSubmit('/admin/places/new', {
      name: 'Tủ sách gửi hai lần',
      kind: 'community_library',
      unitId: library,
      district: 'Nha Trang',
      lat: '12,3272',
      lng: '109.1926',
    });
    const [first] = answers;
    expect(first?.headers.get('location')).toMatch(/^\/admin\/places\/place_[a-z2-9]{16}\?done=created$/);
    for (const a of answers) expect(a.headers.get('location')).toBe(first?.headers.get('location'));
    expect(
      await count('SELECT count(*)::int AS n FROM places WHERE name = $1', ['Tủ sách gửi hai lần']),
    ).toBe(1);
  });

  it('adds one budget line when the estimate form is submitted twice', async () => {
    const answers = await doubleSubmit(`/admin/plan/budget/instances/${instanceId}`, {
      intent: 'create',
      unitId: library,
      content: 'Dòng dự toán gửi hai lần',
      amount: '2.500.000',
      source: 'xa_hoi_hoa',
    });
    for (const a of answers) {
      expect(a.status).toBe(303);
      expect(a.headers.get('location')).toContain('?done=created');
    }
    const lines = 'SELECT count(*)::int AS n FROM plan_budget_lines WHERE content = $1';
    expect(await count(lines, ['Dòng dự toán gửi hai lần'])).toBe(1);
  });

  it('adds one evidence link when the link form is submitted twice', async () => {
    const answers = await doubleSubmit(`/admin/plan/instances/${instanceId}`, {
      intent: 'link',
      unitId: library,
      title: 'Bài báo gửi hai lần',
      url: 'https://baokhanhhoa.vn/bai-viet',
    });
    for (const a of answers) {
      expect(a.status).toBe(303);
      expect(a.headers.get('location')).toBe(answers[0]?.headers.get('location'));
    }
    const evidence = 'SELECT count(*)::int AS n FROM plan_evidence WHERE title = $1';
    expect(await count(evidence, ['Bài báo gửi hai lần'])).toBe(1);
  });
});

describe('the API with an Idempotency-Key', () => {
  const post = (path: string, body: unknown, key: string | null) =>
    ctx.request(`/api/v1${path}`, {
      method: 'POST',
      headers: {
        cookie: staff,
        'content-type': 'application/json',
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
  const record = (title: string) => ({
    type: 'book',
    title,
    creators: ['Nguyễn Văn A'],
    unitId: library,
    holdings: [{ callNumber: '959.7', availability: 'available' }],
  });

  it('creates one catalogue record for two concurrent posts with one key; both get the same 201 body', async () => {
    const key = '"7c3e8a52-1f0b-4c1e-9a61-0d2f3b4c5d6e"';
    const [a, b] = await Promise.all([
      post('/catalogue/records', record('Địa chí gửi hai lần'), key),
      post('/catalogue/records', record('Địa chí gửi hai lần'), key),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    const [bodyA, bodyB] = [await a.json(), await b.json()];
    expect(bodyB).toEqual(bodyA);
    const retried = await post('/catalogue/records', record('Địa chí gửi hai lần'), key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual(bodyA);
    const titles = 'SELECT count(*)::int AS n FROM catalogue_records WHERE title = $1';
    expect(await count(titles, ['Địa chí gửi hai lần'])).toBe(1);
  });

  it('creates one event for a retried POST /events with the same key', async () => {
    const place = await insertPlace(ctx, 'thu-vien-tinh', 'Phòng đọc thiếu nhi');
    const input = eventInput(library, place, { title: 'Sự kiện API gửi hai lần' });
    const [a, b] = await Promise.all([
      post('/events', input, 'evt-key-0001'),
      post('/events', input, 'evt-key-0001'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await b.json()).id).toBe((await a.json()).id);
    expect(await count('SELECT count(*)::int AS n FROM events WHERE title = $1', [input.title])).toBe(1);
  });

  it('answers 422 when the same key comes with a different request, and creates nothing', async () => {
    const first = await post('/catalogue/records', record('Bản ghi khóa A'), 'reused-key-0001');
    expect(first.status).toBe(201);
    const other = await post('/catalogue/records', record('Bản ghi khóa B'), 'reused-key-0001');
    expect(other.status).toBe(422);
    expect((await other.json()).code).toBe('idempotency.key_reused');
    expect(
      await count('SELECT count(*)::int AS n FROM catalogue_records WHERE title = $1', ['Bản ghi khóa B']),
    ).toBe(0);
  });

  it('does not keep the key of a failed request, so the corrected retry succeeds', async () => {
    const bad = await post(
      '/catalogue/records',
      { ...record('Bản ghi lỗi'), type: 'nope' },
      'retry-key-0001',
    );
    expect(bad.status).toBe(400);
    const ok = await post('/catalogue/records', record('Bản ghi lỗi'), 'retry-key-0001');
    expect(ok.status).toBe(201);
  });

  it('refuses a malformed key with 400', async () => {
    const res = await post('/catalogue/records', record('Bản ghi khóa xấu'), 'x');
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('idempotency.bad_key');
  });

  it('treats a key older than a day as new', async () => {
    expect((await post('/catalogue/records', record('Bản ghi hôm qua'), 'day-old-key-01')).status).toBe(201);
    await ctx.dbh.query(
      "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'day-old-key-01'",
    );
    const today = await post('/catalogue/records', record('Bản ghi hôm nay'), 'day-old-key-01');
    expect(today.status).toBe(201);
    expect(today.headers.get('idempotent-replayed')).toBeNull();
    expect((await today.json()).title).toBe('Bản ghi hôm nay');
  });

  it('forgets keys older than a day in the daily housekeeping', async () => {
    await post('/catalogue/records', record('Bản ghi cũ'), 'old-key-00001');
    await ctx.dbh.query(
      "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old-key-00001'",
    );
    const { pruneJobs } = await import('../jobs/jobs.prune.server.ts');
    await pruneJobs(ctx.deps, undefined as never);
    expect(
      await count('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', ['old-key-00001']),
    ).toBe(0);
    expect(
      await count('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', ['reused-key-0001']),
    ).toBe(1);
  });
});

describe('a signed-in citizen registering twice', () => {
  it('keeps one registration per person per event, whatever key each submission carried', async () => {
    const place = await insertPlace(ctx, 'thu-vien-tinh', 'Hội trường thư viện');
    const created = await ctx.request('/api/v1/events', {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json' },
      body: JSON.stringify(eventInput(library, place, { title: 'Đọc sách cùng bé', capacity: 10 })),
    });
    const eventId = (await created.json()).id as string;
    const citizen = await signUpAndSignIn(ctx, { name: 'Phạm Thị Lan' });
    const register = (key: string) =>
      ctx.request(`/api/v1/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { cookie: citizen.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId: null, partySize: 2, consent: true, idempotencyKey: key }),
      });
    const [a, b] = await Promise.all([register('lan-key-00001'), register('lan-key-00002')]);
    const later = await register('lan-key-00003');
    const ids = [await a.json(), await b.json(), await later.json()].map((r) => r.ticketCode);
    expect(new Set(ids).size).toBe(1);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(later.status).toBe(200);
    const regs = 'SELECT count(*)::int AS n FROM event_registrations WHERE event_id = $1 AND user_id = $2';
    expect(await count(regs, [eventId, citizen.userId])).toBe(1);
    const seats = 'SELECT confirmed_seats AS n FROM events WHERE id = $1';
    expect(await count(seats, [eventId])).toBe(2);
  });
});

describe('a door check-in synced again after its answer was lost', () => {
  it('answers the first check-in again for the same key, and "already used" only to a new one', async () => {
    const place = await insertPlace(ctx, 'thu-vien-tinh', 'Sân thư viện');
    const created = await ctx.request('/api/v1/events', {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json' },
      body: JSON.stringify(eventInput(library, place, { title: 'Ngày hội đọc sách ở xe thư viện' })),
    });
    const eventId = (await created.json()).id as string;
    const citizen = await signUpAndSignIn(ctx, { name: 'Nguyễn Thị Lan' });
    const registered = await ctx.request(`/api/v1/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { cookie: citizen.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: null, partySize: 1, consent: true, idempotencyKey: 'door-reg-0001' }),
    });
    const code = (await registered.json()).ticketCode as string;
    const sessions = await ctx.dbh.query<{ id: string }>(
      'SELECT id FROM event_sessions WHERE event_id = $1',
      [eventId],
    );
    const sessionId = sessions[0]?.id;
    // The queued code as the van's offline island sends it (src/web/events/check-in-offline.js).
    const sync = (key: string) =>
      ctx.request(`/api/v1/events/${eventId}/check-ins`, {
        method: 'POST',
        headers: { cookie: staff, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ sessionId, code }),
      });
    const first = await sync('ci-door-key-0001');
    expect(first.status).toBe(201);
    const retried = await sync('ci-door-key-0001');
    expect(retried.status).toBe(201);
    expect(await retried.json()).toEqual(await first.json());
    const another = await sync('ci-door-key-0002');
    expect(another.status).toBe(409);
    expect((await another.json()).code).toBe('events.checkin.already_used');
  });
});
