import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { awardManually, createAchievement, rotateUnitKey } from './credentials.usecases.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

/** A verifier with only the JWT text and the issuer profile it downloaded (the key its `kid` names). */
async function verifyJwt(jwt: string, profileJson: string) {
  const { kid } = decodeProtectedHeader(jwt);
  const method = (
    JSON.parse(profileJson).verificationMethod as Array<{ id: string; publicKeyJwk: Record<string, string> }>
  ).find((m) => m.id === kid);
  if (!method) throw new Error('unknown key');
  return jwtVerify(jwt, await importJWK(method.publicKeyJwk, 'EdDSA'), { typ: 'vc+jwt' });
}

describe('VC-JWT', () => {
  it('offers the credential as a VC-JWT that verifies with the issuer’s published key, also after rotation', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const admin = await actorOn(ctx, 'administrator', 'thu-vien-tinh');
    const unitId = await unitIdOf(ctx, 'thu-vien-tinh');
    const reader = await signUpAndSignIn(ctx, { name: 'Phan Thị Jwt' });
    const achievementId = await createAchievement(ctx.deps, staff, {
      unitId,
      nameVi: 'Bạn đọc nhỏ',
      nameEn: 'Young reader',
      criteriaVi: 'Đọc 10 cuốn sách.',
      imageAlt: 'Huy hiệu tròn',
    });
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Đọc 10 cuốn',
    });
    const res = await ctx.request(`/credentials/${id}/credential.jwt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/vc+jwt');
    const jwt = await res.text();
    const profile = await (await ctx.request(`/credentials/issuers/${unitId}`)).text();
    const { payload, protectedHeader } = await verifyJwt(jwt, profile);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload).not.toHaveProperty('proof');
    expect(payload.credentialSubject).toMatchObject({ name: 'Phan Thị Jwt' });

    // One changed character in the payload: the signature no longer holds.
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const changed = Buffer.from(
      Buffer.from(p, 'base64url').toString('utf8').replace('Phan Thị Jwt', 'Phan Thị Jwx'),
    ).toString('base64url');
    await expect(verifyJwt(`${h}.${changed}.${s}`, profile)).rejects.toThrow();

    // After a key rotation the old credential's JWT still verifies (the retired key stays published).
    await rotateUnitKey(ctx.deps, admin, unitId);
    const after = await (await ctx.request(`/credentials/${id}/credential.jwt`)).text();
    const profileAfter = await (await ctx.request(`/credentials/issuers/${unitId}`)).text();
    await expect(verifyJwt(after, profileAfter)).resolves.toBeTruthy();

    // An unknown (or hidden) credential: 404, as for the JSON.
    expect((await ctx.request('/credentials/nope_0/credential.jwt')).status).toBe(404);
  });
});
