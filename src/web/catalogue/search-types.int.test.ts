// The catalogue search's type facet also counts and filters other modules' records (learning paths, through
// `searchSources`), in both languages, as a plain GET form: no JavaScript needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogueRecord } from '../../modules/catalogue/catalogue.usecases.server.ts';
import { publishedPath } from '../../modules/learning/learning.test-helpers.ts';
import { actorOn, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let recordId = '';
let pathId = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  recordId = (
    await createCatalogueRecord(ctx.deps, librarian, {
      type: 'book',
      title: 'Làm quen với sách điện tử',
      creators: [],
      subjects: [],
      unitId: library,
      published: true,
      details: {},
      holdings: [],
    })
  ).id;
  // "Làm quen với thư viện", with a step asking to read the record.
  pathId = (await publishedPath(ctx, librarian, library, recordId)).pathId;
}, 180_000);
afterAll(() => ctx.close());

const page = async (query: string, lang = '') => {
  const res = await ctx.request(`${lang}/search?${query}`);
  expect(res.status).toBe(200);
  return (await res.text()).replaceAll('<!-- -->', '');
};
/** A type facet's check box: [, checked, label, count]. */
const checkbox = (html: string, value: string) =>
  new RegExp(
    `<input type="checkbox" name="type"( checked="")? value="${value}"/> ([^<]*) <span class="muted">\\((\\d+)\\)`,
  ).exec(html);

describe('the type facet with learning paths', () => {
  it('counts learning paths beside the catalogue types, labelled in both languages', async () => {
    const vi = await page('q=lam+quen');
    const paths = checkbox(vi, 'learning_path');
    expect(paths?.[3]).toBe('1');
    expect(paths?.[1]).toBeUndefined();
    expect(paths?.[2]).toBe('Lộ trình học tập');
    expect(checkbox(vi, 'book')?.[3]).toBe('1');
    expect(vi).toContain(`/learn/paths/${pathId}`);
    expect(vi).toContain(`/records/${recordId}`);
    const en = await page('q=lam+quen', '/en');
    expect(checkbox(en, 'learning_path')?.[2]).toBe('Learning path');
  });

  it('filters to learning paths alone, to catalogue types alone, or to both', async () => {
    const alone = await page('q=lam+quen&type=learning_path');
    expect(checkbox(alone, 'learning_path')?.[1]).toBe(' checked=""');
    expect(alone).toContain(`/learn/paths/${pathId}`);
    expect(alone).not.toContain(`/records/${recordId}`);
    expect(alone).not.toContain('value="book"');
    expect(alone).toContain('1 kết quả');
    const books = await page('q=lam+quen&type=book');
    expect(books).toContain(`/records/${recordId}`);
    expect(books).not.toContain(`/learn/paths/${pathId}`);
    expect(books).not.toContain('value="learning_path"');
    const both = await page('q=lam+quen&type=book&type=learning_path');
    expect(both).toContain(`/records/${recordId}`);
    expect(both).toContain(`/learn/paths/${pathId}`);
    // The MARC export links carry only the catalogue's types.
    expect(both).toMatch(/href="\/api\/v1\/catalogue\/export\?q=lam\+quen&amp;type=book&amp;format=marcxml/);
    // Paths have no holding institution: filtering by one leaves them out.
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const held = await page(`q=lam+quen&institution=${library}`);
    expect(held).not.toContain(`/learn/paths/${pathId}`);
    // An unknown type is no filter at all, never an error.
    expect(await page('q=lam+quen&type=dinosaur')).toContain(`/learn/paths/${pathId}`);
  });
});
