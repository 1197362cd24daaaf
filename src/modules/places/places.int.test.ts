// The places API through the real app: public reads, near-me ordering, folded search, unit-scoped writes,
// opening hours and exceptions, mobile-library routes with cancelled stops, the map setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRole } from '../access/access.grants.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';

type Json = Record<string, unknown>;

describe('places over HTTP', () => {
  let ctx: TestContext;
  let admin: string;
  let libraryStaff: string;
  let museumStaff: string;
  let libraryId: string;
  let museumId: string;

  const call = async (cookie: string | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (cookie) headers.cookie = cookie;
    const res = await ctx.request(`/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
  };

  const place = (over: Json = {}) => ({
    unitId: libraryId,
    kind: 'community_library',
    name: 'Tủ sách cộng đồng thôn Tân Hải',
    district: 'Cam Lâm',
    commune: 'Xã Cam Hải Tây',
    address: 'Thôn Tân Hải',
    lat: 12.0798,
    lng: 109.1506,
    services: ['lending', 'children_corner'],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
    museumId = await unitIdOf(ctx, 'bao-tang-tinh');
    const bootstrap = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const grant = async (role: 'administrator' | 'unit_staff', unitId: string) => {
      const user = await signUpAndSignIn(ctx);
      await grantRole(ctx.deps, bootstrap, { userId: user.userId, role, unitId });
      return user.cookie;
    };
    admin = await grant('administrator', await unitIdOf(ctx, 'so-vhttdl'));
    libraryStaff = await grant('unit_staff', libraryId);
    museumStaff = await grant('unit_staff', museumId);
  }, 180_000);
  afterAll(() => ctx.close());

  it('lets unit staff add a place for their unit, audited, and shows it to everyone', async () => {
    const created = await call(libraryStaff, 'POST', '/places', place());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(id).toMatch(/^place_[a-z2-9]{16}$/);
    expect(await auditCount(ctx, 'places.place.create', id)).toBe(1);
    const pub = await call(null, 'GET', `/places/${id}`);
    expect(pub.status).toBe(200);
    expect((pub.body.place as Json).name).toBe('Tủ sách cộng đồng thôn Tân Hải');
  });

  it('finds places by text without diacritics and by kind', async () => {
    await call(
      libraryStaff,
      'POST',
      '/places',
      place({ name: 'Thư viện xã Khánh Bình', district: 'Khánh Vĩnh', kind: 'community_library' }),
    );
    await call(
      museumStaff,
      'POST',
      '/places',
      place({
        unitId: museumId,
        name: 'Nhà trưng bày Khánh Bình',
        district: 'Khánh Vĩnh',
        kind: 'non_public_museum',
      }),
    );
    const folded = await call(null, 'GET', '/places?q=khanh%20binh');
    const names = (folded.body.places as Json[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Thư viện xã Khánh Bình', 'Nhà trưng bày Khánh Bình']));
    const museums = await call(null, 'GET', '/places?q=khanh%20binh&kind=non_public_museum');
    expect((museums.body.places as Json[]).map((p) => p.name)).toEqual(['Nhà trưng bày Khánh Bình']);
    const none = await call(null, 'GET', '/places?q=%25');
    expect(none.body.places).toEqual([]);
  });

  it('sorts by distance from typed coordinates and reports the distance', async () => {
    await call(
      libraryStaff,
      'POST',
      '/places',
      place({ name: 'Điểm Nha Trang', district: 'Nha Trang', lat: 12.2388, lng: 109.1967 }),
    );
    await call(
      libraryStaff,
      'POST',
      '/places',
      place({ name: 'Điểm Cam Ranh', district: 'Cam Ranh', lat: 11.9214, lng: 109.1591 }),
    );
    await call(
      libraryStaff,
      'POST',
      '/places',
      place({ name: 'Điểm chưa có tọa độ', district: 'Cam Ranh', lat: null, lng: null }),
    );
    const near = await call(null, 'GET', '/places?lat=11.92&lng=109.16');
    const rows = near.body.places as Array<{ name: string; distanceKm: number | null }>;
    expect(rows[0]?.name).toBe('Điểm Cam Ranh');
    expect(rows[0]?.distanceKm).toBeLessThan(1);
    const distances = rows.map((r) => r.distanceKm).filter((d): d is number => d !== null);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(rows.at(-1)?.name).toBe('Điểm chưa có tọa độ');
    expect((await call(null, 'GET', '/places?lat=11.92')).status).toBe(400);
    expect((await call(null, 'GET', '/places?lat=95&lng=109')).status).toBe(400);
  });

  it("refuses one unit's staff editing another unit's place, and guessed ids", async () => {
    const created = await call(libraryStaff, 'POST', '/places', place({ name: 'Điểm của thư viện' }));
    const id = created.body.id as string;
    const denied = await call(museumStaff, 'PATCH', `/places/${id}`, {
      name: 'Đổi tên trái phép',
      version: 1,
    });
    expect(denied.status).toBe(403);
    expect((await call(museumStaff, 'PUT', `/places/${id}/hours`, { weekly: [], version: 1 })).status).toBe(
      403,
    );
    expect((await call(museumStaff, 'POST', '/places', place())).status).toBe(403);
    // Handing one's own place to another unit needs the right on that unit too.
    expect(
      (await call(libraryStaff, 'PATCH', `/places/${id}`, { unitId: museumId, version: 1 })).status,
    ).toBe(403);
    expect(
      (await call(museumStaff, 'PATCH', '/places/place_aaaaaaaaaaaaaaaa', { name: 'Đoán mò', version: 1 }))
        .status,
    ).toBe(404);
    expect((await call(null, 'PATCH', `/places/${id}`, { name: 'Ẩn danh', version: 1 })).status).toBe(401);
    const unchanged = await call(null, 'GET', `/places/${id}`);
    expect((unchanged.body.place as Json).name).toBe('Điểm của thư viện');
    expect(await auditCount(ctx, 'places.place.update', id)).toBe(0);
    const ok = await call(admin, 'PATCH', `/places/${id}`, { name: 'Điểm đổi tên bởi quản trị', version: 1 });
    expect(ok.status).toBe(200);
    expect(await auditCount(ctx, 'places.place.update', id)).toBe(1);
  });

  it.each([
    ['an unknown field', { extra: true }, '(body)'],
    ['a latitude without longitude', { lat: 12, lng: undefined }, 'lat'],
    ['an unknown kind', { kind: 'castle' }, 'kind'],
    ['a script URL as website', { website: 'javascript:alert(1)' }, 'website'],
    ['a name with control characters', { name: 'Tủ\u0007sách' }, 'name'],
  ])('answers 400 for %s', async (_what, over, path) => {
    const res = await call(libraryStaff, 'POST', '/places', place(over));
    expect(res.status).toBe(400);
    expect((res.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(path);
  });

  it('hides a closed place from the public but not from its staff', async () => {
    const id = (await call(libraryStaff, 'POST', '/places', place({ name: 'Điểm sắp đóng cửa' }))).body
      .id as string;
    expect(
      (await call(libraryStaff, 'PATCH', `/places/${id}`, { status: 'closed', version: 1 })).status,
    ).toBe(200);
    expect((await call(null, 'GET', `/places/${id}`)).status).toBe(404);
    expect((await call(museumStaff, 'GET', `/places/${id}`)).status).toBe(404);
    expect((await call(libraryStaff, 'GET', `/places/${id}`)).status).toBe(200);
    const list = await call(null, 'GET', '/places?q=sap%20dong%20cua');
    expect(list.body.places).toEqual([]);
  });

  it('keeps weekly hours and dated exceptions, and says whether the place is open now', async () => {
    const id = (await call(libraryStaff, 'POST', '/places', place({ name: 'Điểm có giờ mở cửa' }))).body
      .id as string;
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:30', closes: '11:30' }));
    expect((await call(libraryStaff, 'PUT', `/places/${id}/hours`, { weekly, version: 1 })).status).toBe(200);
    const overlap = await call(libraryStaff, 'PUT', `/places/${id}/hours`, {
      weekly: [...weekly, { weekday: 1, opens: '11:00', closes: '12:00' }],
      version: 2,
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.code).toBe('places.hours_overlap');
    const backwards = await call(libraryStaff, 'PUT', `/places/${id}/hours`, {
      weekly: [{ weekday: 1, opens: '12:00', closes: '08:00' }],
      version: 2,
    });
    expect(backwards.status).toBe(400);
    // Monday 20/4/2026 09:00 in Vietnam (02:00 UTC).
    ctx.deps.now = () => new Date('2026-04-20T02:00:00Z');
    try {
      expect((await call(null, 'GET', `/places/${id}`)).body.openNow).toBe('open');
      const holiday = await call(libraryStaff, 'POST', `/places/${id}/exceptions`, {
        day: '2026-04-20',
        closed: true,
        note: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      });
      expect(holiday.status).toBe(200);
      const detail = await call(null, 'GET', `/places/${id}`);
      expect(detail.body.openNow).toBe('closed');
      expect(detail.body.exceptions).toEqual([
        { day: '2026-04-20', closed: true, opens: null, closes: null, note: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
      ]);
      const half = await call(libraryStaff, 'POST', `/places/${id}/exceptions`, {
        day: '2026-04-21',
        closed: false,
        opens: '08:00',
      });
      expect(half.status).toBe(400);
      expect((await call(libraryStaff, 'DELETE', `/places/${id}/exceptions/2026-04-20`)).status).toBe(204);
      expect((await call(libraryStaff, 'DELETE', `/places/${id}/exceptions/2026-04-20`)).status).toBe(404);
      expect((await call(null, 'GET', `/places/${id}`)).body.openNow).toBe('open');
    } finally {
      ctx.deps.now = () => new Date();
    }
  });

  it('runs a mobile-library route: next stops in Vietnam time, cancelled stops kept with their reason', async () => {
    const stopPlace = (
      await call(libraryStaff, 'POST', '/places', place({ name: 'Nhà văn hóa thôn Suối Cá' }))
    ).body.id as string;
    const route = await call(libraryStaff, 'POST', '/mobile-library-routes', {
      unitId: libraryId,
      name: 'Xe thư viện số 9',
      vehicle: '79B-999.99',
    });
    expect(route.status).toBe(201);
    const routeId = route.body.id as string;
    const stop = await call(libraryStaff, 'POST', `/mobile-library-routes/${routeId}/stops`, {
      placeId: stopPlace,
      weekday: 3,
      starts: '08:00',
      ends: '11:00',
    });
    expect(stop.status).toBe(201);
    const stopId = stop.body.id as string;
    const both = await call(libraryStaff, 'POST', `/mobile-library-routes/${routeId}/stops`, {
      placeId: stopPlace,
      weekday: 3,
      dates: ['2026-04-23'],
      starts: '08:00',
      ends: '11:00',
    });
    expect(both.status).toBe(400);
    // Tuesday 21/4/2026 23:30 UTC is already Wednesday 22/4 06:30 in Vietnam: today's visit comes first.
    ctx.deps.now = () => new Date('2026-04-21T23:30:00Z');
    try {
      const cancelled = await call(
        libraryStaff,
        'POST',
        `/mobile-library-routes/${routeId}/stops/${stopId}/cancellations`,
        {
          day: '2026-04-29',
          reason: 'Xe bảo dưỡng định kỳ',
        },
      );
      expect(cancelled.status).toBe(200);
      const wrongDay = await call(
        libraryStaff,
        'POST',
        `/mobile-library-routes/${routeId}/stops/${stopId}/cancellations`,
        {
          day: '2026-04-30',
          reason: 'Không có lịch',
        },
      );
      expect(wrongDay.status).toBe(422);
      const denied = await call(
        museumStaff,
        'POST',
        `/mobile-library-routes/${routeId}/stops/${stopId}/cancellations`,
        {
          day: '2026-05-06',
          reason: 'Không phải của tôi',
        },
      );
      expect(denied.status).toBe(403);
      const pub = await call(null, 'GET', `/mobile-library-routes/${routeId}`);
      const next = pub.body.nextStops as Array<{ day: string; cancelled: boolean; reason: string | null }>;
      expect(next.slice(0, 3)).toEqual([
        expect.objectContaining({ day: '2026-04-22', cancelled: false }),
        expect.objectContaining({ day: '2026-04-29', cancelled: true, reason: 'Xe bảo dưỡng định kỳ' }),
        expect.objectContaining({ day: '2026-05-06', cancelled: false }),
      ]);
      const visits = await call(null, 'GET', `/places/${stopPlace}`);
      expect((visits.body.mobileLibraryVisits as Json[]).length).toBeGreaterThan(0);
      expect(
        (
          await call(
            libraryStaff,
            'DELETE',
            `/mobile-library-routes/${routeId}/stops/${stopId}/cancellations/2026-04-29`,
          )
        ).status,
      ).toBe(204);
      expect(await auditCount(ctx, 'places.stop.cancel', stopId)).toBe(1);
      expect(await auditCount(ctx, 'places.stop.restore', stopId)).toBe(1);
    } finally {
      ctx.deps.now = () => new Date();
    }
  });

  it('lets only administrators of the whole department set the map tile server', async () => {
    const body = { tileUrl: 'https://tile.example.vn/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' };
    const { updateMapSettings } = await import('./places.settings.server.ts');
    const staffActor = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await expect(updateMapSettings(ctx.deps, staffActor, { ...body, version: 1 })).rejects.toMatchObject({
      status: 403,
    });
    const adminActor = await actorOn(ctx, 'administrator', 'so-vhttdl');
    await updateMapSettings(ctx.deps, adminActor, { ...body, version: 1 });
    expect(await auditCount(ctx, 'places.settings.update', 'places.map.tile_url')).toBe(1);
  });

  it('refuses a second map settings save made from the same version (409) and keeps the first', async () => {
    const { mapSettingsVersion, readMapSettings, updateMapSettings } = await import(
      './places.settings.server.ts'
    );
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const shown = await mapSettingsVersion(ctx.deps, admin);
    const first = { tileUrl: 'https://a.example.vn/{z}/{x}/{y}.png', attribution: 'A', version: shown };
    await updateMapSettings(ctx.deps, admin, first);
    await expect(
      updateMapSettings(ctx.deps, admin, { tileUrl: null, attribution: null, version: shown }),
    ).rejects.toMatchObject({ status: 409, code: 'places.settings.version_conflict' });
    expect(await readMapSettings(ctx.deps)).toEqual({ tileUrl: first.tileUrl, attribution: 'A' });
    expect(await mapSettingsVersion(ctx.deps, admin)).toBe(shown + 1);
  });
  it('documents the places API in OpenAPI', async () => {
    const res = await ctx.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/places',
        '/places/{placeId}',
        '/places/{placeId}/hours',
        '/mobile-library-routes/{routeId}',
        '/mobile-library-routes/{routeId}/stops/{stopId}/cancellations',
      ]),
    );
    expect(Object.keys(doc.paths['/places'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
  });
  // Last: the demo places join the same database.
  it('seeds demo places in every district, hours, holidays and a route with a cancelled visit', async () => {
    const { seedDemoPlaces } = await import('./places.seed.server.ts');
    expect(await seedDemoPlaces(ctx.deps)).toBeGreaterThanOrEqual(30);
    const districts = await ctx.deps.repos.places.districts(ctx.deps.db);
    for (const d of [
      'Nha Trang',
      'Cam Ranh',
      'Ninh Hòa',
      'Vạn Ninh',
      'Diên Khánh',
      'Khánh Vĩnh',
      'Khánh Sơn',
      'Cam Lâm',
      'Trường Sa',
    ])
      expect(districts).toContain(d);
    const routes = await call(null, 'GET', '/mobile-library-routes');
    const north = (routes.body as unknown as Array<{ id: string; name: string }>).find((r) =>
      r.name.includes('số 1'),
    );
    const detail = await call(null, 'GET', `/mobile-library-routes/${north?.id}`);
    const next = detail.body.nextStops as Array<{ cancelled: boolean }>;
    expect(next.some((o) => o.cancelled)).toBe(true);
    const library = await call(
      null,
      'GET',
      '/places?q=thu%20vien%20tinh%20khanh%20hoa&kind=provincial_library',
    );
    const id = (library.body.places as Json[])[0]?.id as string;
    expect(((await call(null, 'GET', `/places/${id}`)).body.weekly as Json[]).length).toBeGreaterThan(5);
  });
});
