// "An actor must not learn of the existence of something they may not read." Staff of one unit asking for
// another unit's non-public entity (a draft, a closed place) get exactly the answer a missing, well-formed
// id gets — over the API and on the back-office pages alike. Public entities may still answer 403 on edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { createCatalogueRecord } from '../modules/catalogue/catalogue.usecases.server.ts';
import { eventInput, insertPlace } from '../modules/events/events.test-helpers.ts';
import { createEvent } from '../modules/events/events.usecases.server.ts';
import { createExhibition } from '../modules/exhibitions/exhibitions.usecases.server.ts';
import { createRoute } from '../modules/places/places.mobile.usecases.server.ts';
import { createPlace } from '../modules/places/places.usecases.server.ts';
import { actorOn, unitIdOf } from '../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
let curator: string; // staff of the museum: may not read the library's drafts
const hidden: Record<string, string> = {};
let publicEvent: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const museum = await unitIdOf(ctx, 'bao-tang-tinh');
  const librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const u = await signUpAndSignIn(ctx, { name: 'Trần Văn Bảo' });
  await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: museum });
  curator = u.cookie;
  const venue = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
  hidden.record = (
    await createCatalogueRecord(ctx.deps, librarian, {
      type: 'book',
      title: 'Bản thảo chưa công bố',
      creators: [],
      subjects: [],
      unitId: library,
      published: false,
      details: {},
      holdings: [],
    })
  ).id;
  hidden.event = await createEvent(ctx.deps, librarian, eventInput(library, venue, { status: 'draft' }));
  publicEvent = await createEvent(ctx.deps, librarian, eventInput(library, venue, { status: 'published' }));
  hidden.place = (
    await createPlace(ctx.deps, librarian, {
      unitId: library,
      kind: 'community_library',
      name: 'Tủ sách đã đóng cửa',
      status: 'closed',
    })
  ).id;
  hidden.route = (
    await createRoute(ctx.deps, librarian, { unitId: library, name: 'Tuyến đã ngừng', status: 'closed' })
  ).id;
  hidden.exhibition = (
    await createExhibition(ctx.deps, librarian, {
      unitId: library,
      titleVi: 'Triển lãm nháp',
      slug: 'trien-lam-nhap',
    })
  ).id;
}, 180_000);
afterAll(() => ctx.close());

/** A well-formed id of the same kind that does not exist. */
const missing = (id: string) =>
  id.replace(/_([a-z2-9]+)$/, (_m, tail: string) => `_${'a'.repeat(tail.length)}`);

type Probe = { kind: string; method: string; path: (id: string) => string; body?: unknown };
const apiProbes: Probe[] = [
  { kind: 'record', method: 'GET', path: (id) => `/api/v1/catalogue/records/${id}` },
  {
    kind: 'record',
    method: 'PATCH',
    path: (id) => `/api/v1/catalogue/records/${id}`,
    body: { title: 'X', version: 1 },
  },
  { kind: 'event', method: 'GET', path: (id) => `/api/v1/events/${id}` },
  { kind: 'event', method: 'PUT', path: (id) => `/api/v1/events/${id}`, body: 'event' },
  {
    kind: 'event',
    method: 'POST',
    path: (id) => `/api/v1/events/${id}/check-ins`,
    body: { sessionId: 'ses_x', code: 'X' },
  },
  { kind: 'place', method: 'GET', path: (id) => `/api/v1/places/${id}` },
  {
    kind: 'place',
    method: 'PATCH',
    path: (id) => `/api/v1/places/${id}`,
    body: { name: 'Đổi tên', version: 1 },
  },
  {
    kind: 'place',
    method: 'PUT',
    path: (id) => `/api/v1/places/${id}/hours`,
    body: { weekly: [], version: 1 },
  },
  { kind: 'route', method: 'GET', path: (id) => `/api/v1/mobile-library-routes/${id}` },
  {
    kind: 'route',
    method: 'PATCH',
    path: (id) => `/api/v1/mobile-library-routes/${id}`,
    body: { name: 'Đổi', version: 1 },
  },
  { kind: 'exhibition', method: 'GET', path: (id) => `/api/v1/exhibitions/${id}` },
  {
    kind: 'exhibition',
    method: 'PUT',
    path: (id) => `/api/v1/exhibitions/${id}/status`,
    body: { status: 'published', version: 1 },
  },
];

const pageProbes: Probe[] = [
  { kind: 'event', method: 'GET', path: (id) => `/admin/events/${id}` },
  { kind: 'event', method: 'POST', path: (id) => `/admin/events/${id}`, body: { intent: 'cancel-event' } },
  { kind: 'event', method: 'GET', path: (id) => `/admin/events/${id}/check-in` },
  { kind: 'event', method: 'GET', path: (id) => `/admin/events/${id}/image` },
  { kind: 'place', method: 'GET', path: (id) => `/admin/places/${id}` },
  {
    kind: 'place',
    method: 'POST',
    path: (id) => `/admin/places/${id}`,
    body: { intent: 'hours', version: '1' },
  },
  { kind: 'place', method: 'GET', path: (id) => `/admin/places/${id}/photos` },
  { kind: 'route', method: 'GET', path: (id) => `/admin/places/routes/${id}` },
  { kind: 'exhibition', method: 'GET', path: (id) => `/admin/exhibitions/${id}` },
  { kind: 'record', method: 'GET', path: (id) => `/admin/catalogue/records/${id}/images` },
];

async function send(p: Probe, id: string, api: boolean): Promise<Response> {
  let body: string | undefined;
  const headers: Record<string, string> = { cookie: curator };
  if (p.body !== undefined) {
    if (api) {
      headers['content-type'] = 'application/json';
      const b =
        p.body === 'event' ? { ...eventInput('unit_x', null as unknown as string), version: 1 } : p.body;
      body = JSON.stringify(b);
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(p.body as Record<string, string>).toString();
    }
  }
  return ctx.request(p.path(id), { method: p.method, headers, body, redirect: 'manual' } as RequestInit);
}

const shape = (o: Record<string, unknown>) => ({
  keys: Object.keys(o)
    .filter((k) => k !== 'requestId' && k !== 'instance')
    .sort(),
  code: o.code,
  problemStatus: o.status,
  title: o.title,
});

describe("another unit's non-public entity answers exactly like a missing id", () => {
  it.each(apiProbes.map((p) => [`${p.method} ${p.path(`<${p.kind}>`)}`, p] as const))(
    'API %s',
    async (_n, p) => {
      const id = hidden[p.kind] as string;
      const [real, absent] = [await send(p, id, true), await send(p, missing(id), true)];
      const [a, b] = [
        (await real.json()) as Record<string, unknown>,
        (await absent.json()) as Record<string, unknown>,
      ];
      expect({ status: real.status, ...shape(a) }).toEqual({ status: absent.status, ...shape(b) });
      expect(real.status).toBe(404);
    },
  );

  it.each(pageProbes.map((p) => [`${p.method} ${p.path(`<${p.kind}>`)}`, p] as const))(
    'page %s',
    async (_n, p) => {
      const id = hidden[p.kind] as string;
      const [real, absent] = [await send(p, id, false), await send(p, missing(id), false)];
      expect(real.status).toBe(absent.status);
      expect(real.status).toBe(404);
    },
  );

  it('still answers 403 on editing a public event of another unit (its existence is no secret)', async () => {
    const res = await send(
      { kind: 'event', method: 'PUT', path: (id) => `/api/v1/events/${id}`, body: 'event' },
      publicEvent,
      true,
    );
    expect(res.status).toBe(403);
  });
});
