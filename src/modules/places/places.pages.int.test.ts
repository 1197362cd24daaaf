// The places pages as a browser without JavaScript uses them: the public list, near me from typed
// coordinates, a place's page with hours and JSON-LD, a route's next stops, and the back-office forms.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { addStop, cancelStop, createRoute } from './places.mobile.usecases.server.ts';
import { createPlace, setWeeklyHours } from './places.usecases.server.ts';

describe('places pages', () => {
  let ctx: TestContext;
  let admin: string;
  let librarian: string;
  let curator: string;
  let camRanh = '';
  let nhaTrang = '';
  let routeId = '';

  const get = (path: string, cookie?: string) =>
    ctx.request(path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const post = (path: string, cookie: string, fields: Record<string, string> | URLSearchParams) =>
    ctx.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  beforeAll(async () => {
    ctx = await createTestContext();
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const user = async (role: 'administrator' | 'unit_staff', code: string) => {
      const u = await signUpAndSignIn(ctx);
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      return u.cookie;
    };
    admin = await user('administrator', 'so-vhttdl');
    librarian = await user('unit_staff', 'thu-vien-tinh');
    curator = await user('unit_staff', 'bao-tang-tinh');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const base = { unitId: library, kind: 'community_library' as const, services: ['lending' as const] };
    camRanh = (
      await createPlace(ctx.deps, staff, {
        ...base,
        name: 'Thư viện thành phố Cam Ranh',
        district: 'Cam Ranh',
        commune: 'Phường Cam Lộc',
        lat: 11.9211,
        lng: 109.1597,
      })
    ).id;
    nhaTrang = (
      await createPlace(ctx.deps, staff, {
        ...base,
        kind: 'provincial_library',
        name: 'Thư viện tỉnh Khánh Hòa',
        district: 'Nha Trang',
        commune: 'Phường Lộc Thọ',
        lat: 12.2431,
        lng: 109.1937,
        accessibility: 'Lối vào có đường dốc cho xe lăn.',
      })
    ).id;
    await setWeeklyHours(ctx.deps, staff, nhaTrang, {
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:30', closes: '17:00' })),
      version: 1,
    });
    routeId = (await createRoute(ctx.deps, staff, { unitId: library, name: 'Xe thư viện số 1' })).id;
    const stop = await addStop(ctx.deps, staff, routeId, {
      placeId: camRanh,
      weekday: 3,
      starts: '08:00',
      ends: '11:00',
    });
    ctx.deps.now = () => new Date('2026-04-20T02:00:00Z');
    await cancelStop(ctx.deps, staff, routeId, stop.id, {
      day: '2026-04-22',
      reason: 'Xe bảo dưỡng định kỳ',
    });
  }, 180_000);
  afterAll(() => ctx.close());

  it('lists places by district for anonymous visitors, with no map and no framework script', async () => {
    const res = await get('/places');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("img-src 'self' data:;");
    const html = await res.text();
    expect(html).toContain('<h1>Điểm phục vụ</h1>');
    expect(html.indexOf('Cam Ranh</h3>')).toBeLessThan(html.indexOf('Nha Trang</h3>'));
    expect(html).not.toContain('id="places-map"');
    expect(html).toMatch(/<script src="\/assets\/places-enhance-[^"]+\.js" nonce="[^"]+" defer/);
    expect(html).not.toContain('type="module"');
    const en = await (await get('/en/places?kind=community_library')).text();
    expect(en).toContain('<h1>Service points</h1>');
    expect(en).toContain('Thư viện thành phố Cam Ranh');
    expect(en).not.toContain('Thư viện tỉnh Khánh Hòa');
  });

  it('sorts by distance from typed coordinates and shows how far each place is', async () => {
    const html = await (await get('/places?lat=12%2C2388&lng=109.1967')).text();
    expect(html.indexOf('Thư viện tỉnh Khánh Hòa')).toBeLessThan(html.indexOf('Thư viện thành phố Cam Ranh'));
    expect(html).toMatch(/Cách (\d+ m|[\d,]+ km)/);
    const bad = await get('/places?lat=abc&lng=109');
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain('Tọa độ chưa hợp lệ');
  });

  it('shows a place with its opening hours, status today and schema.org JSON-LD', async () => {
    const res = await get(`/places/${nhaTrang}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Giờ mở cửa');
    expect(html).toContain('07:30–17:00');
    expect(html).toContain('đang mở cửa, đóng cửa lúc 17:00');
    expect(html).toContain('Lối vào có đường dốc cho xe lăn.');
    const ld = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(ld)).toMatchObject({
      '@type': 'Library',
      name: 'Thư viện tỉnh Khánh Hòa',
      geo: { latitude: 12.2431 },
    });
    const en = await (await get(`/en/places/${nhaTrang}`)).text();
    expect(en).toContain('Opening hours');
    // Vietnamese data on an English page says it is Vietnamese; the Vietnamese page needs no marking.
    expect(en).toContain('<h1 lang="vi">Thư viện tỉnh Khánh Hòa</h1>');
    expect(html).toContain('<h1>Thư viện tỉnh Khánh Hòa</h1>');
    expect((await get('/places/place_aaaaaaaaaaaaaaaa')).status).toBe(404);
  });

  it("shows a route's next stops with a cancelled stop and its reason", async () => {
    const html = await (await get(`/places/mobile-routes/${routeId}`)).text();
    expect(html).toContain('Xe thư viện số 1');
    expect(html).toContain('Thứ Tư, 22/04/2026');
    expect(html).toContain('Đã hủy: Xe bảo dưỡng định kỳ');
    expect(html).toContain('Thứ Tư, 29/04/2026');
  });

  it("keeps a route's page for offline reading with one inline registration, its worker scoped to route pages", async () => {
    const html = await (await get(`/places/mobile-routes/${routeId}`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>(.*?)<\/script>/gs)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toMatch(/^ nonce="[^"]+"$/);
    expect(scripts[0]?.[2]).toContain("+'offline-sw.js'");
    expect(html).not.toContain('modulepreload');
    for (const path of ['/places/mobile-routes/offline-sw.js', '/en/places/mobile-routes/offline-sw.js']) {
      const sw = await get(path);
      expect(sw.status).toBe(200);
      expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(sw.headers.get('service-worker-allowed')).toBeNull();
      expect(await sw.text()).toContain('caches.match(req)');
    }
    // Other public pages stay script-free.
    expect(await (await get('/places')).text()).not.toContain('offline-sw.js');
  });

  it('draws its own map without a tile server and finds places near a chosen commune', async () => {
    const html = await (await get('/places')).text();
    expect(html).toContain('class="places-overview"');
    const map = /<svg[^>]*class="places-overview-map".*?<\/svg>/s.exec(html)?.[0] ?? '';
    expect(map.match(/<circle[^>]*class="overview-pt overview-library"/g)).toHaveLength(2);
    expect(html).toContain('<option value="Phường Lộc Thọ, Nha Trang">');
    const near = await (await get(`/places?near=${encodeURIComponent('Phường Cam Lộc, Cam Ranh')}`)).text();
    expect(near).toContain('gần Phường Cam Lộc, Cam Ranh nhất trước');
    expect(near.indexOf('Thư viện thành phố Cam Ranh')).toBeLessThan(near.indexOf('Thư viện tỉnh Khánh Hòa'));
    expect(near).toContain('class="overview-you"');
    // The commune centres are read once per request (the choices and the centre sorted from).
    const repo = ctx.deps.repos.places;
    const read = repo.communeCentres;
    let reads = 0;
    repo.communeCentres = (db) => {
      reads += 1;
      return read.call(repo, db);
    };
    try {
      await (await get(`/places?near=${encodeURIComponent('Phường Lộc Thọ, Nha Trang')}`)).text();
    } finally {
      repo.communeCentres = read;
    }
    expect(reads).toBe(1);
    const unknown = await get(`/places?near=${encodeURIComponent('Xã Không Có')}`);
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain('Không tìm thấy xã/phường này');
  });

  it('finds every place a mobile-library route stops at with the "mobile-library stop" filter', async () => {
    const html = await (await get('/places?kind=mobile_library_stop')).text();
    expect(html).toContain('Thư viện thành phố Cam Ranh');
    expect(html).not.toContain('Thư viện tỉnh Khánh Hòa</a>');
  });

  it('gives a place directions and its coming events', async () => {
    const html = await (await get(`/places/${nhaTrang}`)).text();
    expect(html).toContain('href="geo:12.2431,109.1937');
    expect(html).toContain('google.com/maps/dir/?api=1&amp;destination=12.2431%2C109.1937');
    expect(html).toContain('Sự kiện sắp diễn ra tại đây');
    expect(html).toContain(`/events?place=${nhaTrang}`);
  });

  it('lets staff add a place without JavaScript and reports invalid fields', async () => {
    const form = await get('/admin/places/new', librarian);
    expect(form.status).toBe(200);
    const fields = {
      name: 'Tủ sách thôn Văn Đăng',
      kind: 'community_library',
      unitId: await unitIdOf(ctx, 'thu-vien-tinh'),
      district: 'Nha Trang',
      lat: '12,3272',
      lng: '109.1926',
    };
    const bad = await post('/admin/places/new', librarian, { ...fields, lat: '12,3272', lng: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#place-lat"');
    const ok = await post('/admin/places/new', librarian, fields);
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/places\/place_[a-z2-9]{16}\?done=created$/);
    const edit = await get(location, librarian);
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('Đã thêm điểm phục vụ.');
  });

  it("refuses another unit's staff the edit page and its forms", async () => {
    expect((await get(`/admin/places/${nhaTrang}`, curator)).status).toBe(403);
    const hours = await post(`/admin/places/${nhaTrang}`, curator, {
      intent: 'hours',
      h1_1_opens: '01:00',
      h1_1_closes: '02:00',
    });
    expect(hours.status).toBe(403);
    expect((await get(`/admin/places/routes/${routeId}`, curator)).status).toBe(403);
    const list = await (await get('/admin/places', curator)).text();
    expect(list).not.toContain('Thư viện tỉnh Khánh Hòa');
  });

  it('saves weekly hours and a holiday from the edit page', async () => {
    // Each form carries the place's version as the page showed it.
    const version = async () =>
      (await (await get(`/admin/places/${camRanh}`, librarian)).text()).match(
        /name="version" value="(\d+)"/,
      )?.[1] ?? '';
    const hours = await post(`/admin/places/${camRanh}`, librarian, {
      intent: 'hours',
      version: await version(),
      h6_1_opens: '08:00',
      h6_1_closes: '11:00',
    });
    expect(hours.status).toBe(303);
    const holiday = await post(`/admin/places/${camRanh}`, librarian, {
      intent: 'exception',
      version: await version(),
      day: '30/04/2026',
      closed: 'on',
      note: 'Ngày Giải phóng miền Nam',
    });
    expect(holiday.status).toBe(303);
    const html = await (await get(`/places/${camRanh}`)).text();
    expect(html).toContain('08:00–11:00');
    expect(html).toContain('30/04/2026');
    expect(html).toContain('Ngày Giải phóng miền Nam');
  });

  it('shows the map only after an administrator sets a tile server', async () => {
    expect((await get('/admin/places/map', librarian)).status).toBe(403);
    const bad = await post('/admin/places/map', admin, {
      tileUrl: 'http://tiles.example.vn/{z}/{x}/{y}.png',
    });
    expect(bad.status).toBe(422);
    const ok = await post('/admin/places/map', admin, {
      tileUrl: 'https://tile.example.vn/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
      version: '1',
    });
    expect(ok.status).toBe(303);
    const stale = await post('/admin/places/map', admin, { tileUrl: '', attribution: '', version: '1' });
    expect(stale.status).toBe(409);
    const both = await stale.text();
    expect(both).toContain('class="conflict-summary"');
    expect(both).toContain('https://tile.example.vn/{z}/{x}/{y}.png');
    const page = await get('/places');
    expect(page.headers.get('content-security-policy')).toContain(
      "img-src 'self' data: https://tile.example.vn;",
    );
    expect(page.headers.get('x-csp-img-origin')).toBeNull();
    const html = await page.text();
    expect(html).toContain('id="places-map"');
    expect(html).toContain('tile.example.vn');
  });
  it('adds a described photo without JavaScript; refuses it without a description or from another unit', async () => {
    const bytes = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#0b5c8a' } })
      .png()
      .toBuffer();
    const upload = (cookie: string, alt: string) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'thu-vien.png');
      form.set('alt', alt);
      return ctx.request(`/admin/places/${nhaTrang}/photos`, {
        method: 'POST',
        headers: { cookie },
        body: form,
        redirect: 'manual',
      });
    };
    const storedFiles = async () =>
      (await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files'))[0]?.n ?? 0;
    const before = await storedFiles();
    const missing = await upload(librarian, '');
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('href="#photo-alt"');
    expect((await upload(curator, 'Ảnh của người khác')).status).toBe(403);
    expect(await storedFiles()).toBe(before);
    const ok = await upload(librarian, 'Mặt tiền thư viện, lối vào có đường dốc');
    expect(ok.status).toBe(303);
    expect(await storedFiles()).toBe(before + 1);
    const html = await (await get(`/places/${nhaTrang}`)).text();
    expect(html).toMatch(
      /<img src="\/media\/file_[a-z2-9]{16}\/medium" alt="Mặt tiền thư viện, lối vào có đường dốc"/,
    );
  });
});
