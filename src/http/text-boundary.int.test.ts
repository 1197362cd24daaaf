// Text at the boundary (issue 10, item 8): every string a user sends is NFC, well-formed UTF-8 without lone
// surrogates, free of control and bidi-override characters in names and titles, and "empty" when it holds
// only invisible characters — through the API (JSON), page forms (urlencoded) and query strings alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../lib/i18n.server.ts';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { eventInput, insertPlace } from '../modules/events/events.test-helpers.ts';
import { unitIdOf } from '../modules/units/units.test-helpers.ts';
import { postForm, signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

describe('text at the boundary', () => {
  let ctx: TestContext;
  let library: string;
  let place: string;
  let staffCookie: string;
  let eventId: string;

  const post = (path: string, body: unknown) =>
    ctx.request(path, {
      method: 'POST',
      headers: { cookie: staffCookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const count = async (table: string) =>
    (await ctx.dbh.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa');
    const user = await signUpAndSignIn(ctx, { name: 'Viên Chức Thư Viện' });
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: library });
    staffCookie = user.cookie;
    const res = await post('/api/v1/events', eventInput(library, place, { schedule: nextMonth() }));
    if (res.status !== 201) throw new Error(`event not created: ${res.status} ${await res.text()}`);
    eventId = ((await res.json()) as { id: string }).id;
  }, 180_000);
  afterAll(() => ctx.close());

  it('answers 400, not 500, to a lone surrogate in a record or event title sent as JSON', async () => {
    const records = await count('catalogue_records');
    const record = await post('/api/v1/catalogue/records', {
      type: 'book',
      title: 'Sách \ud800',
      unitId: library,
    });
    expect(record.status).toBe(400);
    expect(record.headers.get('content-type')).toContain('application/problem+json');
    const event = await post(
      '/api/v1/events',
      eventInput(library, place, { title: 'Hội \udc00 sách', schedule: nextMonth() }),
    );
    expect(event.status).toBe(400);
    expect(await count('catalogue_records')).toBe(records);
  });

  it('stores Vietnamese typed in decomposed form as NFC, with zero-width characters trimmed at the ends', async () => {
    const nfd = 'Lịch sử Khánh Hòa'.normalize('NFD');
    const res = await post('/api/v1/catalogue/records', {
      type: 'book',
      title: `\u200b\ufeff${nfd}\u200b `,
      creators: ['Nguyễn Văn Ánh'.normalize('NFD')],
      unitId: library,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const stored = (await (
      await ctx.request(`/api/v1/catalogue/records/${id}`, { headers: { cookie: staffCookie } })
    ).json()) as { title: string; creators: string[] };
    expect(stored.title).toBe('Lịch sử Khánh Hòa'.normalize('NFC'));
    expect(stored.creators).toEqual(['Nguyễn Văn Ánh'.normalize('NFC')]);
  });

  it('refuses a title made only of zero-width spaces as empty, through the API and the page form', async () => {
    const api = await post('/api/v1/catalogue/records', {
      type: 'book',
      title: '\u200b\u200b\u2060',
      unitId: library,
    });
    expect(api.status).toBe(400);
    const form = await postForm(
      ctx,
      '/admin/events/new',
      {
        intent: 'save',
        unitId: library,
        title: '\u200b\u200b\u200b',
        description: '',
        category: 'talk',
        placeId: place,
        onlineUrl: '',
        capacity: '30',
        registrationMode: 'series',
        priceVnd: '0',
        organiserContact: '',
        planInstanceId: '',
        status: 'draft',
        firstDate: nextMonth().firstDate,
        startTime: '14:00',
        endTime: '16:00',
      },
      { cookie: staffCookie },
    );
    expect(form.status).toBe(422);
    expect(await form.text()).toContain(t('vi', 'events.form.invalid.title'));
  });

  it('refuses bidi overrides and control characters in names and titles', async () => {
    const events = await count('events');
    for (const title of ['Ngày hội \u202eđọc sách', 'Ngày hội \u2066đọc\u2069 sách', 'Ngày\u0085hội']) {
      const res = await post('/api/v1/events', eventInput(library, place, { title, schedule: nextMonth() }));
      expect(res.status, title).toBe(400);
    }
    expect(await count('events')).toBe(events);
    const name = await post(`/api/v1/events/${eventId}/registrations`, {
      name: 'Nguyễn\u202e Văn A',
      email: 'a@example.vn',
      consent: true,
      idempotencyKey: 'bidi-name-0001',
    });
    expect(name.status).toBe(400);
  });

  it('refuses invalid UTF-8 in a form body with 400 and stores nothing (no "Ng\ufffduyen")', async () => {
    const before = await count('event_registrations');
    const fields = {
      name: 'NgXuyen',
      phone: '',
      email: 'nguyen@example.vn',
      partySize: '1',
      consent: 'yes',
      idempotencyKey: 'bad-utf8-form-1',
    };
    const percent = new URLSearchParams(fields).toString().replace('NgXuyen', 'Ng%FFuyen');
    const res = await ctx.request(`/events/${eventId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: percent,
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    const raw = Buffer.concat([
      Buffer.from('name=Ng'),
      Buffer.from([0xff]),
      Buffer.from('uyen&email=nguyen2%40example.vn&consent=yes&partySize=1&idempotencyKey=bad-utf8-form-2'),
    ]);
    const rawRes = await ctx.request(`/events/${eventId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: raw,
      redirect: 'manual',
    });
    expect(rawRes.status).toBe(400);
    expect(await count('event_registrations')).toBe(before);
  });

  it('answers 400 to percent-encoded bad bytes in a query string, on pages and the API', async () => {
    for (const path of [
      '/events?q=%C3%28',
      '/search?q=%C3%28',
      '/api/v1/events?q=%C3%28',
      '/places?q=%ED%A0%80',
    ]) {
      expect((await ctx.request(path)).status, path).toBe(400);
    }
    expect((await ctx.request('/events?q=%C4%91%E1%BB%8Dc')).status).toBe(200); // "đọc"
  });
});

/** A one-off session a month from now (inside any sensible event range). */
function nextMonth() {
  const d = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return { firstDate: d, startTime: '08:00', endTime: '10:30', weekly: null };
}
