// The class rule, checked on the rendered back office: every form that posts and is not declared below as
// changing or removing something that already exists carries the one-time token, so a double click or a
// resubmission cannot create a second entity. A new creating form without the token fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { createCatalogueRecord } from '../catalogue/catalogue.usecases.server.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { addSection, createExhibition } from '../exhibitions/exhibitions.usecases.server.ts';
import { createRoute } from '../places/places.mobile.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';

/** Intents of forms that change, run or remove what exists: they create nothing and need no token. */
const NOT_CREATING = new Set([
  'allow-remove',
  'appraise',
  'approve',
  'assign',
  'cancel',
  'cancel-event',
  'cancel-session',
  'check-in',
  'close',
  'delete',
  'details',
  'disable',
  'due',
  'enable',
  // One private feed address per person: a second press replaces the first (the address is a secret, so it
  // is never stored as a replayable outcome).
  'feed-create',
  'feed-revoke',
  'host-remove',
  'hours',
  'item-delete',
  'item-move',
  'item-update',
  'merge',
  'move',
  'progress',
  'publish',
  'ready',
  'refresh',
  'removeEvidence',
  'removeException',
  'removePhoto',
  'removeStop',
  'rename',
  'reopen',
  'restore',
  'restore-session',
  'return',
  'revoke',
  'route',
  'run',
  'section-delete',
  'section-move',
  'section-update',
  'source-disable',
  'source-enable',
  'spend',
  'submit',
  'unfollow',
  'unpublish',
  'update',
]);

let ctx: TestContext;
let cookie: string;
const pages: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const museum = await unitIdOf(ctx, 'bao-tang-tinh');
  const user = await signUpAndSignIn(ctx, { name: 'Lê Quản Trị' });
  const grants = [
    { role: 'administrator', unitId: await unitIdOf(ctx, 'so-vhttdl') },
    { role: 'department_officer', unitId: await unitIdOf(ctx, 'phong-qlvhgd') },
    { role: 'unit_manager', unitId: library },
    { role: 'unit_staff', unitId: library },
    { role: 'unit_staff', unitId: museum },
  ] as const;
  for (const g of grants) await grantRoleAsSystem(ctx.deps, { userId: user.userId, ...g });
  cookie = user.cookie;
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh', 'bao-tang-tinh');
  const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
  const event = await createEvent(ctx.deps, staff, eventInput(library, place));
  const route = await createRoute(ctx.deps, staff, { unitId: library, name: 'Xe thư viện lưu động' });
  const exhibition = await createExhibition(ctx.deps, staff, { unitId: museum, titleVi: 'Gốm Chăm' });
  await addSection(ctx.deps, staff, exhibition.id, { headingVi: 'Phần một' });
  const record = await createCatalogueRecord(ctx.deps, staff, {
    type: 'book',
    title: 'Địa chí Khánh Hòa',
    creators: ['Nhiều tác giả'],
    subjects: ['Địa chí'],
    unitId: library,
    published: true,
    details: {},
    holdings: [{ availability: 'available' }],
    rights: 'http://creativecommons.org/licenses/by/4.0/',
  });
  const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-II-1');
  const instance = task?.instances.find((i) => i.year === 2025)?.id ?? '';
  const other = await signUpAndSignIn(ctx, { name: 'Hồ Thị Nhân' });
  pages.push(
    '/admin/events/new',
    `/admin/events/${event}`,
    `/admin/events/${event}/check-in`,
    '/admin/events/subscriptions',
    '/admin/places',
    '/admin/places/new',
    `/admin/places/${place}`,
    `/admin/places/${place}/photos`,
    `/admin/places/routes/${route.id}`,
    '/admin/plan/tasks/new',
    `/admin/plan/instances/${instance}`,
    `/admin/plan/budget/instances/${instance}`,
    '/admin/units',
    '/admin/users',
    `/admin/users/${other.userId}`,
    '/admin/exhibitions',
    `/admin/exhibitions/${exhibition.id}`,
    '/admin/catalogue/import',
    '/admin/catalogue/import/tabular',
    '/admin/catalogue/harvest',
    `/admin/catalogue/records/${record.id}/images/new`,
    '/account/follows',
  );
}, 180_000);
afterAll(() => ctx?.close());

interface PostForm {
  intent: string;
  html: string;
}

/** The `intent` a form posts: a hidden input's or a submit button's value (attributes in any order). */
function intentOf(form: string): string {
  const element = /<(?:input|button)\b[^>]*\bname="intent"[^>]*>/.exec(form)?.[0] ?? '';
  return /\bvalue="([^"]*)"/.exec(element)?.[1] ?? '';
}

function postForms(html: string): PostForm[] {
  const forms = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? [];
  return forms
    .filter((f) => /^<form\b[^>]*\bmethod="post"/.test(f))
    .filter((f) => !/^<form\b[^>]*\baction="(\/en)?\/sign-out"/.test(f)) // ends a session, creates nothing
    .map((f) => ({ html: f, intent: intentOf(f) }));
}

describe('creating forms in the back office', () => {
  it('all carry a one-time token (every post form not declared as changing what exists)', async () => {
    const missing: string[] = [];
    let creating = 0;
    for (const path of pages) {
      const res = await ctx.request(path, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      for (const form of postForms(await res.text())) {
        if (NOT_CREATING.has(form.intent)) continue;
        creating++;
        if (!/name="formToken" value="ftk_[0-9a-f-]{36}"/.test(form.html))
          missing.push(`${path} ${form.intent || '(no intent)'} ${form.html.slice(0, 200)}`);
      }
    }
    expect(missing).toEqual([]);
    expect(creating).toBeGreaterThanOrEqual(pages.length);
  });
});
