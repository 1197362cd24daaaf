// Lost updates on exhibition sections: two curators load the same version of a section and both save. The
// first save wins; the second is refused with 409 and the page shows both versions side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import {
  addSection,
  createExhibition,
  exhibitionForUpdate,
  updateSection,
} from './exhibitions.usecases.server.ts';

let ctx: TestContext;
let curator: Actor;
let cookie: string;
let exhibition: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const museum = await unitIdOf(ctx, 'bao-tang-tinh');
  curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  const u = await signUpAndSignIn(ctx, { name: 'Giám tuyển B' });
  await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: museum });
  cookie = u.cookie;
  exhibition = (
    await createExhibition(ctx.deps, curator, { unitId: museum, titleVi: 'Gốm cổ', slug: 'gom-co' })
  ).id;
}, 180_000);
afterAll(() => ctx.close());

const sectionNow = async (id: string) =>
  (await ctx.deps.repos.exhibitions.listSections(ctx.deps.db, exhibition)).find((s) => s.id === id);

describe('two curators editing one exhibition section', () => {
  it('refuses the second save made from the same version (409) and keeps the first', async () => {
    const { id } = await addSection(ctx.deps, curator, exhibition, { headingVi: 'Gốm Chăm' });
    const loaded = (await sectionNow(id))?.version ?? 0;
    expect(loaded).toBeGreaterThan(0);
    await updateSection(ctx.deps, curator, exhibition, id, { headingVi: 'Gốm Chăm cổ', version: loaded });
    await expect(
      updateSection(ctx.deps, curator, exhibition, id, { headingVi: 'Gốm Chăm (B)', version: loaded }),
    ).rejects.toMatchObject({ status: 409, code: 'exhibitions.section.version_conflict' });
    expect(await sectionNow(id)).toMatchObject({ headingVi: 'Gốm Chăm cổ', version: loaded + 1 });
  });

  it('shows both versions side by side on the page after a stale save, the input kept', async () => {
    const { id } = await addSection(ctx.deps, curator, exhibition, { headingVi: 'Gốm Sa Huỳnh' });
    const page = await (
      await ctx.request(`/admin/exhibitions/${exhibition}`, { headers: { cookie } })
    ).text();
    const hidden = `value="section-update"/><input type="hidden" name="sectionId" value="${id}"/>`;
    const loaded = Number(
      page.match(new RegExp(`${hidden}<input type="hidden" name="version" value="(\\d+)"`))?.[1],
    );
    expect(loaded).toBe(1);
    await updateSection(ctx.deps, curator, exhibition, id, {
      headingVi: 'Gốm Sa Huỳnh (đã sửa)',
      version: loaded,
    });
    const stale = await postForm(
      ctx,
      `/admin/exhibitions/${exhibition}`,
      { intent: 'section-update', sectionId: id, version: String(loaded), headingVi: 'Bản sửa trên trang' },
      { cookie },
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Gốm Sa Huỳnh (đã sửa)');
    expect(html).toContain('Bản sửa trên trang');
    expect(html).toContain('class="conflict-summary"');
    expect((await sectionNow(id))?.headingVi).toBe('Gốm Sa Huỳnh (đã sửa)');
    await exhibitionForUpdate(ctx.deps, curator, exhibition);
  });
});
