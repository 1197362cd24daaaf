import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRole } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { DEFAULT_CRITERIA } from './citizen.scheme.ts';
import { schemeFor } from './citizen.usecases.server.ts';

let ctx: TestContext;
let cookie: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const user = await signUpAndSignIn(ctx, { name: 'Quản trị tiêu chí' });
  await grantRole(ctx.deps, await actorOn(ctx, 'administrator', 'so-vhttdl'), {
    userId: user.userId,
    role: 'administrator',
    unitId: await unitIdOf(ctx, 'so-vhttdl'),
  });
  cookie = user.cookie;
}, 180_000);
afterAll(() => ctx?.close());

/** The form as the page posts it: the default criteria, with overrides per row. */
function form(version: number, over: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    year: '2031',
    rows: String(DEFAULT_CRITERIA.length),
    version: String(version),
    passTotal: '80',
  };
  DEFAULT_CRITERIA.forEach((c, i) => {
    Object.assign(fields, {
      [`c${i}.key`]: c.key,
      [`c${i}.labelVi`]: c.labelVi,
      [`c${i}.labelEn`]: c.labelEn,
      [`c${i}.source`]: c.source,
      [`c${i}.pointsPerUnit`]: String(c.pointsPerUnit),
      [`c${i}.max`]: String(c.max),
      [`c${i}.min`]: String(c.min),
      [`c${i}.pathIds`]: '',
    });
  });
  return { ...fields, ...over };
}

describe('the công dân học tập criteria page', () => {
  it('edits a year’s 100-point scheme: all problems at once, 409 on a stale form, saved versioned', async () => {
    const page = await ctx.request('/admin/citizen/scheme?year=2031', { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="c0.max"');
    expect(html).toContain('name="version" value="1"');

    // Weights summing to 95, a minimum above its maximum and a bad pass mark: every problem listed.
    const bad = await postForm(
      ctx,
      '/admin/citizen/scheme',
      form(1, { 'c0.max': '25', 'c1.min': '30', passTotal: '150' }),
      { cookie },
    );
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('href="#c0-max"');
    expect(text).toContain('95');
    expect(text).toContain('href="#c1-min"');
    expect(text).toContain('href="#passTotal"');
    expect((await schemeFor(ctx.deps, 2031)).isDefault).toBe(true);

    const ok = await postForm(
      ctx,
      '/admin/citizen/scheme',
      form(1, { 'c0.max': '35', 'c4.max': '10', passTotal: '75' }),
      { cookie },
    );
    expect(ok.status).toBe(303);
    const saved = await schemeFor(ctx.deps, 2031);
    expect(saved).toMatchObject({ isDefault: false, passTotal: 75, version: 2 });
    expect(saved.criteria[0]!.max).toBe(35);
    expect(
      (
        await ctx.dbh.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'citizen.scheme.update' AND entity_id = '2031'`,
        )
      )[0]!.n,
    ).toBe(1);

    // The same (now stale) form again: 409, nothing overwritten.
    const stale = await postForm(ctx, '/admin/citizen/scheme', form(1, { passTotal: '90' }), { cookie });
    expect(stale.status).toBe(409);
    expect((await schemeFor(ctx.deps, 2031)).passTotal).toBe(75);
    // Anonymous visitors never reach it.
    expect((await ctx.request('/admin/citizen/scheme')).status).not.toBe(200);
  });
});
