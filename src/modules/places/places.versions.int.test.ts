// Lost updates on places: two editors load the same version of a service point (details, or its weekly
// hours) and both save. The first wins; the second gets 409 with the place as stored now, and nothing of the
// first save is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { createPlace } from './places.usecases.server.ts';

let ctx: TestContext;
let library: string;
let editorA: string;
let editorB: string;

beforeAll(async () => {
  ctx = await createTestContext();
  library = await unitIdOf(ctx, 'thu-vien-tinh');
  const cookies: string[] = [];
  for (const name of ['A', 'B']) {
    const u = await signUpAndSignIn(ctx, { name: `Thủ thư ${name}` });
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
    cookies.push(u.cookie);
  }
  [editorA, editorB] = cookies as [string, string];
}, 180_000);
afterAll(() => ctx.close());

async function newPlace(name: string): Promise<string> {
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  return (await createPlace(ctx.deps, staff, { unitId: library, kind: 'community_library', name })).id;
}

const api = (cookie: string, method: string, path: string, body: unknown) =>
  ctx.request(`/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
const stored = async (id: string) =>
  (
    await ctx.dbh.query<{ name: string; phone: string | null }>(
      'SELECT name, phone FROM places WHERE id = $1',
      [id],
    )
  )[0];

describe('two editors saving the same place', () => {
  it('through the API: the second PATCH gets 409 with the place as stored now', async () => {
    const id = await newPlace('Tủ sách thôn Tân Hải');
    const loaded = (await (await ctx.request(`/api/v1/places/${id}`)).json()) as {
      place: { version: number };
    };
    expect(loaded.place.version).toBe(1);
    const first = await api(editorA, 'PATCH', `/places/${id}`, { name: 'Tủ sách Tân Hải (A)', version: 1 });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { version: number }).version).toBe(2);
    const second = await api(editorB, 'PATCH', `/places/${id}`, { phone: '0258 3800 000', version: 1 });
    expect(second.status).toBe(409);
    const problem = (await second.json()) as { code: string; current: { version: number; name: string } };
    expect(problem.code).toBe('places.place.version_conflict');
    expect(problem.current).toMatchObject({ place: { version: 2, name: 'Tủ sách Tân Hải (A)' } });
    expect(await stored(id)).toEqual({ name: 'Tủ sách Tân Hải (A)', phone: null });
    expect((await api(editorB, 'PATCH', `/places/${id}`, { phone: '0258 3800 000' })).status).toBe(400);
  });

  it('through the API: weekly hours saved on a stale version are refused too', async () => {
    const id = await newPlace('Điểm bưu điện văn hóa xã Cam Hải');
    const weekly = (opens: string) => [{ weekday: 1, opens, closes: '11:00' }];
    expect(
      (await api(editorA, 'PUT', `/places/${id}/hours`, { weekly: weekly('07:00'), version: 1 })).status,
    ).toBe(200);
    const second = await api(editorB, 'PUT', `/places/${id}/hours`, { weekly: weekly('08:00'), version: 1 });
    expect(second.status).toBe(409);
    const hours = await ctx.dbh.query<{ opens: string }>(
      'SELECT opens::text AS opens FROM place_hours WHERE place_id = $1',
      [id],
    );
    expect(hours.map((h) => h.opens.slice(0, 5))).toEqual(['07:00']);
  });

  it('through the page form: the second sees the stored values beside theirs and can re-save', async () => {
    const id = await newPlace('Thư viện xã Cam Hải Đông');
    const page = await (await ctx.request(`/admin/places/${id}`, { headers: { cookie: editorA } })).text();
    const versionIn = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1];
    expect(versionIn(page)).toBe('1');
    const form = (name: string, version: string) =>
      new URLSearchParams({
        intent: 'details',
        version,
        unitId: library,
        kind: 'community_library',
        name,
        status: 'active',
      }).toString();
    const post = (cookie: string, body: string) =>
      ctx.request(`/admin/places/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body,
        redirect: 'manual',
      });
    expect((await post(editorA, form('Thư viện xã Cam Hải Đông (A)', '1'))).status).toBe(303);
    const second = await post(editorB, form('Thư viện xã Cam Hải Đông (B)', '1'));
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain(t('vi', 'error.versionConflict'));
    expect(html).toContain(t('vi', 'conflict.title'));
    expect(html).toContain('Thư viện xã Cam Hải Đông (A)');
    expect(html).toContain('value="Thư viện xã Cam Hải Đông (B)"');
    expect(versionIn(html)).toBe('2');
    expect((await stored(id))?.name).toBe('Thư viện xã Cam Hải Đông (A)');
    expect((await post(editorB, form('Thư viện xã Cam Hải Đông (B)', '2'))).status).toBe(303);
    expect((await stored(id))?.name).toBe('Thư viện xã Cam Hải Đông (B)');
  });
});
