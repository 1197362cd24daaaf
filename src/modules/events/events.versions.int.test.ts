// Lost updates: two editors load the same version of an event and both save. The first save wins, the second
// is refused with 409 and a way to see the other change; nothing of the first save is lost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { eventInput, insertPlace } from './events.test-helpers.ts';
import { createEvent } from './events.usecases.server.ts';

let ctx: TestContext;
let library: string;
let place: string;
let editorA: string;
let editorB: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'events-versions-')) } });
  library = await unitIdOf(ctx, 'thu-vien-tinh');
  place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa');
  for (const name of ['A', 'B']) {
    const u = await signUpAndSignIn(ctx, { name: `Biên tập ${name}` });
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
    if (name === 'A') editorA = u.cookie;
    else editorB = u.cookie;
  }
}, 180_000);
afterAll(() => ctx.close());

async function newEvent(title: string): Promise<string> {
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  return createEvent(ctx.deps, staff, eventInput(library, place, { title }));
}

const storedTitle = async (id: string) =>
  (await ctx.dbh.query<{ title: string }>('SELECT title FROM events WHERE id = $1', [id]))[0]?.title;

describe('two editors saving the same event', () => {
  it('through the API: the first gets 200 and a new version, the second 409 with the event as stored now', async () => {
    const id = await newEvent('Đọc cùng con');
    const put = (cookie: string, body: unknown) =>
      ctx.request(`/api/v1/events/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
    const loaded = (await (
      await ctx.request(`/api/v1/events/${id}`, { headers: { cookie: editorA } })
    ).json()) as {
      version: number;
    };
    expect(loaded.version).toBe(1);
    const first = await put(editorA, {
      ...eventInput(library, place, { title: 'Đọc cùng con (A)' }),
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { version: number }).version).toBe(2);
    const second = await put(editorB, {
      ...eventInput(library, place, { title: 'Đọc cùng con (B)' }),
      version: 1,
    });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await second.json()) as { code: string; current: { version: number; title: string } };
    expect(problem.code).toBe('events.event.version_conflict');
    expect(problem.current).toMatchObject({ version: 2, title: 'Đọc cùng con (A)' });
    expect(await storedTitle(id)).toBe('Đọc cùng con (A)');
    const noVersion = await put(editorB, eventInput(library, place, { title: 'Không phiên bản' }));
    expect(noVersion.status).toBe(400);
  });

  it('through the page form: the second sees both versions, keeps their input and can re-save deliberately', async () => {
    const id = await newEvent('Ngày hội đọc sách');
    const pageA = await (await ctx.request(`/admin/events/${id}`, { headers: { cookie: editorA } })).text();
    const pageB = await (await ctx.request(`/admin/events/${id}`, { headers: { cookie: editorB } })).text();
    const versionIn = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1];
    expect(versionIn(pageA)).toBe('1');
    expect(versionIn(pageB)).toBe('1');
    const form = (title: string, version: string) => {
      const body = new URLSearchParams({
        intent: 'save',
        version,
        unitId: library,
        title,
        description: '',
        category: 'reading',
        placeId: place,
        onlineUrl: '',
        capacity: '100',
        registrationMode: 'series',
        opensDate: '',
        opensTime: '',
        closesDate: '',
        closesTime: '',
        priceVnd: '0',
        organiserContact: '',
        planInstanceId: '',
        status: 'published',
        firstDate: '21/04/2027',
        startTime: '08:00',
        endTime: '10:30',
        repeat: 'once',
        until: '',
        exceptions: '',
      });
      return body.toString();
    };
    const post = (cookie: string, body: string) =>
      ctx.request(`/admin/events/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body,
        redirect: 'manual',
      });
    expect((await post(editorA, form('Ngày hội đọc sách của A', '1'))).status).toBe(303);
    const second = await post(editorB, form('Ngày hội đọc sách của B', '1'));
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain(t('vi', 'error.versionConflict'));
    expect(html).toContain(t('vi', 'conflict.title'));
    expect(html).toContain('Ngày hội đọc sách của A'); // the stored value, shown beside theirs
    expect(html).toContain('value="Ngày hội đọc sách của B"'); // their input kept in the form
    expect(versionIn(html)).toBe('2'); // the form now carries the stored version
    expect(await storedTitle(id)).toBe('Ngày hội đọc sách của A');
    expect((await post(editorB, form('Ngày hội đọc sách của B', '2'))).status).toBe(303);
    expect(await storedTitle(id)).toBe('Ngày hội đọc sách của B');
  });
});
