// Every edit form on the back-office pages carries the version it was loaded with: each page below is
// rendered for someone who may use all its forms, and every form whose intent changes the entity must hold
// a hidden `version`. A new edit form without one fails here (the API side: http/edit-versions.int.test.ts).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { createCatalogueRecord } from '../modules/catalogue/catalogue.usecases.server.ts';
import { addAllowedHost, createHarvestSource } from '../modules/catalogue/harvest/harvest.server.ts';
import { addRecordImage } from '../modules/catalogue/media/media.usecases.server.ts';
import { createAchievement } from '../modules/credentials/credentials.usecases.server.ts';
import { eventInput, insertPlace } from '../modules/events/events.test-helpers.ts';
import { createEvent } from '../modules/events/events.usecases.server.ts';
import { addSection, createExhibition } from '../modules/exhibitions/exhibitions.usecases.server.ts';
import { createRoute } from '../modules/places/places.mobile.usecases.server.ts';
import { actorOn, unitIdOf } from '../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
const cookies: Record<string, string> = {};
const pages: Array<{ path: string; who: string; edits: string[] }> = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'edit-forms-'));
  ctx = await createTestContext({ config: { DATA_DIR: join(dir, 'data') } });
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  for (const [who, role, unit] of [
    ['admin', 'administrator', 'so-vhttdl'],
    ['officer', 'department_officer', 'phong-qlvhgd'],
  ] as const) {
    const u = await signUpAndSignIn(ctx, { name: who });
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, unit) });
    cookies[who] = u.cookie;
  }
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
  const event = await createEvent(ctx.deps, staff, eventInput(library, place));
  const route = (await createRoute(ctx.deps, staff, { unitId: library, name: 'Xe thư viện số 2' })).id;
  const exhibition = (
    await createExhibition(ctx.deps, staff, { unitId: library, titleVi: 'Sách cổ', slug: 'sach-co' })
  ).id;
  await addSection(ctx.deps, staff, exhibition, { headingVi: 'Mộc bản' });
  const root = await actorOn(ctx, 'administrator', 'so-vhttdl');
  await addAllowedHost(ctx.deps, root, { pattern: 'oai.example.org' });
  await createHarvestSource(ctx.deps, root, {
    name: 'Thư viện bạn',
    baseUrl: 'https://oai.example.org/oai',
    metadataPrefix: 'oai_dc',
    unitId: library,
    publish: false,
    schedule: 'manual',
  });
  const record = await createCatalogueRecord(ctx.deps, staff, {
    type: 'book',
    title: 'Mộc bản triều Nguyễn',
    creators: [],
    subjects: [],
    unitId: library,
    published: true,
    details: {},
    holdings: [],
  });
  const image = join(dir, 'moc-ban.png');
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#8a5a2b' } })
    .png()
    .toFile(image);
  await addRecordImage(
    ctx.deps,
    staff,
    record.id,
    { tempPath: image, fileName: 'moc-ban.png' },
    { altVi: 'Mộc bản' },
  );
  const achievement = await createAchievement(ctx.deps, staff, {
    unitId: library,
    nameVi: 'Bạn đọc nhập môn',
    criteriaVi: 'Hoàn thành lộ trình thư viện.',
    imageAlt: 'Huy hiệu quyển sách',
  });
  const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
  const instance = task?.instances[0]?.id ?? '';
  pages.push(
    { path: `/admin/events/${event}`, who: 'admin', edits: ['save'] },
    { path: `/admin/places/${place}`, who: 'admin', edits: ['details', 'hours', 'exception'] },
    { path: `/admin/places/routes/${route}`, who: 'admin', edits: ['route'] },
    { path: `/admin/units/${library}`, who: 'admin', edits: ['rename', 'move'] },
    { path: `/admin/exhibitions/${exhibition}`, who: 'admin', edits: ['publish', 'section-update'] },
    { path: '/admin/catalogue/harvest', who: 'admin', edits: ['source-disable'] },
    { path: '/admin/places/map', who: 'admin', edits: ['save'] },
    { path: '/admin/settings/security', who: 'admin', edits: ['save'] },
    { path: `/admin/catalogue/records/${record.id}/images`, who: 'admin', edits: ['update'] },
    { path: `/admin/plan/instances/${instance}`, who: 'officer', edits: ['assign', 'due'] },
    { path: `/admin/plan/tasks/${task?.id}`, who: 'officer', edits: ['edit'] },
    { path: `/admin/credentials/${achievement}`, who: 'admin', edits: ['rule'] },
  );
}, 180_000);
afterAll(() => ctx.close());

/** intent → whether that form holds a hidden version, for every POST form of the page. */
function formsOf(html: string): Map<string, boolean> {
  const forms = new Map<string, boolean>();
  for (const m of html.matchAll(/<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)) {
    const body = m[1] ?? '';
    const intent = body.match(/name="intent" value="([^"]+)"/)?.[1];
    if (intent) forms.set(intent, (forms.get(intent) ?? true) && /name="version" value="\d+"/.test(body));
  }
  return forms;
}

describe('back-office edit forms', () => {
  it('carry a hidden version on every page that edits an entity', async () => {
    const missing: string[] = [];
    for (const p of pages) {
      const res = await ctx.request(p.path, { headers: { cookie: cookies[p.who] ?? '' } });
      expect(res.status, p.path).toBe(200);
      const forms = formsOf(await res.text());
      for (const intent of p.edits) {
        if (!forms.has(intent)) missing.push(`${p.path}: no "${intent}" form`);
        else if (!forms.get(intent)) missing.push(`${p.path}: "${intent}" without version`);
      }
    }
    expect(missing).toEqual([]);
  });
});
