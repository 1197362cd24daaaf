import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { awardManually, createAchievement, revokeAward } from './credentials.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let admin: Actor;
let reader: { userId: string; email: string; cookie: string };
let achievementId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  admin = await actorOn(ctx, 'administrator', 'thu-vien-tinh');
  reader = await signUpAndSignIn(ctx, { name: 'Võ Thị Trang' });
  achievementId = await createAchievement(ctx.deps, staff, {
    unitId: await unitIdOf(ctx, 'thu-vien-tinh'),
    nameVi: 'Nhà thám hiểm di sản',
    criteriaVi: 'Tham quan ba điểm di sản của tỉnh.',
    imageAlt: 'Huy hiệu la bàn',
  });
}, 180_000);
afterAll(() => ctx?.close());

describe('the public verification page and certificate', () => {
  it('anyone sees "valid", the issuer and what it certifies, with links to the JSON and the certificate', async () => {
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Hè 2026',
    });
    const res = await ctx.request(`/credentials/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-status="valid"');
    expect(html).toContain('Nhà thám hiểm di sản');
    expect(html).toContain('Võ Thị Trang');
    expect(html).toContain(`/credentials/${id}/credential.json`);
    expect(html).toContain(`/credentials/${id}/certificate`);
    const cert = await (await ctx.request(`/credentials/${id}/certificate`)).text();
    expect(cert).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cert).toContain('GIẤY CHỨNG NHẬN');
    expect(cert).toMatch(/<svg[^>]*viewBox/);
    // The English site still prints a Vietnamese certificate.
    expect(await (await ctx.request(`/en/credentials/${id}/certificate`)).text()).toContain(
      'GIẤY CHỨNG NHẬN',
    );
  });

  it('shows "revoked" with the reason after revocation, and 404 for unknown or malformed ids', async () => {
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Sẽ thu hồi',
    });
    await revokeAward(ctx.deps, admin, id, { reason: 'Trao nhầm' });
    const html = await (await ctx.request(`/credentials/${id}`)).text();
    expect(html).toContain('data-status="revoked"');
    expect(html).toContain('Trao nhầm');
    expect((await ctx.request('/credentials/cred_doesnotexist0000')).status).toBe(404);
    expect((await ctx.request(`/credentials/${encodeURIComponent("x'; DROP TABLE users;--")}`)).status).toBe(
      404,
    );
    expect((await ctx.request('/credentials/issuers/unit_nope')).status).toBe(404);
    expect((await ctx.request('/credentials/status/unit_nope')).status).toBe(404);
  });

  it('the holder hides a credential from their account page; strangers then get 404, the holder still sees it', async () => {
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Để ẩn',
    });
    const mine = await (
      await ctx.request('/account/credentials', { headers: { cookie: reader.cookie } })
    ).text();
    expect(mine).toContain(`/credentials/${id}`);
    const res = await postForm(
      ctx,
      '/account/credentials',
      { id, hidden: 'true' },
      { cookie: reader.cookie },
    );
    expect(res.status).toBe(200);
    expect((await ctx.request(`/credentials/${id}`)).status).toBe(404);
    expect((await ctx.request(`/credentials/${id}`, { headers: { cookie: reader.cookie } })).status).toBe(
      200,
    );
    const stranger = await signUpAndSignIn(ctx);
    await postForm(ctx, '/account/credentials', { id, hidden: 'false' }, { cookie: stranger.cookie });
    expect((await ctx.request(`/credentials/${id}`)).status).toBe(404);
  });

  it('the badge image is served as SVG with no markup injected from the achievement name', async () => {
    const evil = await createAchievement(ctx.deps, staff, {
      unitId: await unitIdOf(ctx, 'thu-vien-tinh'),
      nameVi: '<script>alert(1)</script>',
      criteriaVi: 'Thử',
      imageAlt: 'Thử ảnh',
    });
    const res = await ctx.request(`/credentials/achievements/${evil}/image.svg`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).not.toContain('<script');
  });
});
