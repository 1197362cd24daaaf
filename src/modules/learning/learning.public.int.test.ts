// Published learning paths are public records: the catalogue search finds them (type "learning path", words
// folded like the catalogue's) and the sitemap lists them; drafts appear in neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSources } from '../../app/registries.server.ts';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/harness.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { bookRecord, publishedPath } from './learning.test-helpers.ts';
import { setPathStatus } from './learning.usecases.server.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx.close());

describe('learning paths as public records', () => {
  it('are found by the catalogue search and listed in the sitemap once published', async () => {
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const record = await bookRecord(ctx, librarian, library);
    const p = await publishedPath(ctx, librarian, library, record);
    const source = searchSources.find((s) => s.type === 'learning_path');
    if (!source) throw new Error('learning contributes a search source');
    // "Làm quen với thư viện", typed without diacritics and in another case.
    const found = await source.search(ctx.deps, 'LAM QUEN thu vien', { offset: 0, limit: 5 });
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({ id: p.pathId, path: `/learn/paths/${p.pathId}` });
    expect(found.hits[0]?.unitName).toBeTruthy();
    expect((await source.search(ctx.deps, 'thư viện khủng long', { offset: 0, limit: 5 })).total).toBe(0);
    expect((await source.search(ctx.deps, '  ', { offset: 0, limit: 5 })).total).toBe(0);

    const sitemap = await (await ctx.request('/sitemaps/learning-1.xml')).text();
    expect(sitemap).toContain(`${TEST_ORIGIN}/learn/paths/${p.pathId}`);

    await setPathStatus(ctx.deps, librarian, p.pathId, 'draft', 5);
    expect((await source.search(ctx.deps, 'lam quen thu vien', { offset: 0, limit: 5 })).total).toBe(0);
    const after = await ctx.request('/sitemaps/learning-1.xml');
    expect(after.status === 404 || !(await after.text()).includes(p.pathId)).toBe(true);
  });
});
