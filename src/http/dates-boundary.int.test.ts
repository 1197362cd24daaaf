// Dates at the boundary (issue 10, item 9): each date field has a sensible range (events −1/+5 years of
// today, place exceptions likewise, history fields looser), real calendar days only (31/02 is refused, not
// rolled over), and the message says what is allowed; query-string dates answer 400, not 200.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDay, isoDateInVietnam } from '../lib/dates.ts';
import { t } from '../lib/i18n.server.ts';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { eventInput, insertPlace } from '../modules/events/events.test-helpers.ts';
import { unitIdOf } from '../modules/units/units.test-helpers.ts';
import { postForm, signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

const shiftYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

describe('dates at the boundary', () => {
  let ctx: TestContext;
  let library: string;
  let place: string;
  let staffCookie: string;
  let adminCookie: string;

  const post = (path: string, body: unknown) =>
    ctx.request(path, {
      method: 'POST',
      headers: { cookie: staffCookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const once = (firstDate: string) => ({ firstDate, startTime: '08:00', endTime: '10:30', weekly: null });
  const eventRange = () => {
    const today = isoDateInVietnam();
    return `${formatIsoDay(shiftYears(today, -1))} – ${formatIsoDay(shiftYears(today, 5))}`;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa');
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: library });
    staffCookie = user.cookie;
    const admin = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, {
      userId: admin.userId,
      role: 'administrator',
      unitId: await unitIdOf(ctx, 'so-vhttdl'),
    });
    adminCookie = admin.cookie;
  }, 180_000);
  afterAll(() => ctx.close());

  it('refuses events in 1899, 2100 and 9999 with a message naming the allowed days', async () => {
    for (const day of ['1899-04-21', '2100-04-21', '9999-04-21']) {
      const res = await post('/api/v1/events', eventInput(library, place, { schedule: once(day) }));
      expect(res.status, day).toBe(400);
      expect(await res.text(), day).toContain(eventRange());
    }
    const weeklyTooLong = await post(
      '/api/v1/events',
      eventInput(library, place, {
        schedule: {
          ...once(shiftYears(isoDateInVietnam(), 1)),
          weekly: { weekdays: [1], until: '2100-01-01', exceptions: [] },
        },
      }),
    );
    expect(weeklyTooLong.status).toBe(400);
  });

  it('refuses a day that does not exist (31/02) instead of rolling it over, in the API and the page form', async () => {
    const year = Number(isoDateInVietnam().slice(0, 4)) + 1;
    const api = await post('/api/v1/events', eventInput(library, place, { schedule: once(`${year}-02-31`) }));
    expect(api.status).toBe(400);
    const form = await postForm(
      ctx,
      '/admin/events/new',
      {
        intent: 'save',
        unitId: library,
        title: 'Tọa đàm văn hóa đọc',
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
        firstDate: `31/02/${year}`,
        startTime: '14:00',
        endTime: '16:00',
      },
      { cookie: staffCookie },
    );
    expect(form.status).toBe(422);
    const far = await postForm(
      ctx,
      '/admin/events/new',
      {
        intent: 'save',
        unitId: library,
        title: 'Tọa đàm văn hóa đọc',
        category: 'talk',
        placeId: place,
        registrationMode: 'series',
        priceVnd: '0',
        status: 'draft',
        firstDate: '21/04/2100',
        startTime: '14:00',
        endTime: '16:00',
      },
      { cookie: staffCookie },
    );
    expect(far.status).toBe(422);
    expect(await far.text()).toContain(eventRange());
  });

  it('refuses place opening exceptions in 1899 and 2100 and keeps one next month', async () => {
    const created = await post('/api/v1/places', {
      unitId: library,
      kind: 'community_library',
      name: 'Tủ sách thôn Tân Hải',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const day of ['1899-12-31', '2100-01-01', '2027-02-31']) {
      const res = await post(`/api/v1/places/${id}/exceptions`, { day, closed: true });
      expect(res.status, day).toBe(400);
    }
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect((await post(`/api/v1/places/${id}/exceptions`, { day: soon, closed: true })).status).toBe(200);
  });

  it('keeps history fields loose: an exhibition of 1975 is accepted, one in 9999 is not', async () => {
    const ok = await post('/api/v1/exhibitions', {
      unitId: library,
      titleVi: 'Khánh Hòa mùa xuân 1975',
      startDate: '1975-04-02',
      endDate: '1975-04-30',
    });
    expect(ok.status).toBe(201);
    const far = await post('/api/v1/exhibitions', {
      unitId: library,
      titleVi: 'Triển lãm tương lai',
      startDate: '9999-01-01',
    });
    expect(far.status).toBe(400);
  });

  it('answers 400 with a clear message to impossible or out-of-range dates in query strings', async () => {
    const api = await ctx.request('/api/v1/events?from=2027-02-31');
    expect(api.status).toBe(400);
    expect((await ctx.request('/api/v1/events?from=1899-01-01')).status).toBe(400);
    const page = await ctx.request('/events?from=2027-02-31');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain(t('vi', 'error.invalidDate'));
    expect((await ctx.request('/events?day=31/02/2027')).status).toBe(400);
    expect((await ctx.request('/events/calendar?day=2027-02-31')).status).toBe(400);
    expect((await ctx.request('/events/calendar?month=2027-13')).status).toBe(400);
    expect((await ctx.request('/events/calendar?month=9999-01')).status).toBe(400);
    expect(
      (await ctx.request('/admin/audit?from=2027-02-31', { headers: { cookie: adminCookie } })).status,
    ).toBe(400);
    expect(
      (await ctx.request('/api/v1/audit?from=2027-02-31', { headers: { cookie: adminCookie } })).status,
    ).toBe(400);
    expect((await ctx.request(`/events?from=${isoDateInVietnam()}`)).status).toBe(200);
  });

  it('answers 400 to a plan year outside 2023–2030 on the plan pages and API, naming the years allowed', async () => {
    const headers = { cookie: adminCookie };
    for (const path of ['/admin/plan/tasks?year=2040', '/admin/plan/budget?year=1999']) {
      const res = await ctx.request(path, { headers });
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain(t('vi', 'error.yearOutOfRange', { from: 2023, to: 2030 }));
    }
    expect((await ctx.request('/api/v1/plan/tasks?year=2040', { headers })).status).toBe(400);
    expect((await ctx.request('/admin/plan/tasks?year=2027', { headers })).status).toBe(200);
  });

  it('keeps the OAI-PMH answer to a bad date: badArgument, as the protocol says', async () => {
    const res = await ctx.request('/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&from=2027-02-31');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('badArgument');
  });
});
