import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { bitAt } from './credentials.document.server.ts';
import { evaluateRules } from './credentials.engine.server.ts';
import { decodePublicKeyMultibase } from './credentials.multikey.server.ts';
import { verifyProof } from './credentials.proof.server.ts';
import { open } from './credentials.secret-box.server.ts';
import {
  awardManually,
  createAchievement,
  revokeAward,
  rotateUnitKey,
  setHidden,
} from './credentials.usecases.server.ts';
import { verifyDocument } from './credentials.verify.server.ts';

let ctx: TestContext;
let staff: Actor;
let museumStaff: Actor;
let admin: Actor;
let libraryId: string;
let reader: { userId: string; email: string };
let achievementId: string;

type Doc = Record<string, unknown> & { proof: { verificationMethod: string; proofValue: string } };
const docOf = async (id: string) =>
  (await ctx.deps.repos.credentials.award(ctx.deps.db, id))!.document as Doc;

/** A verifier that knows nothing but the credential's JSON text and the issuer profile it downloaded. */
async function verifyOffline(credentialJson: string, profileJson: string) {
  const profile = JSON.parse(profileJson) as {
    verificationMethod: Array<{ id: string; publicKeyMultibase: string }>;
  };
  return verifyProof(JSON.parse(credentialJson), (vm) => {
    const m = profile.verificationMethod.find((x) => x.id === vm);
    return m ? decodePublicKeyMultibase(m.publicKeyMultibase) : null;
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  museumStaff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  admin = await actorOn(ctx, 'administrator', 'thu-vien-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  reader = await signUpAndSignIn(ctx, { name: 'Trần Văn Đọc' });
  achievementId = await createAchievement(ctx.deps, staff, {
    unitId: libraryId,
    nameVi: 'Bạn đọc chăm chỉ',
    nameEn: 'Keen reader',
    criteriaVi: 'Tham gia đủ các buổi đọc sách của thư viện.',
    imageAlt: 'Huy hiệu tròn màu xanh có chữ BĐ',
  });
}, 180_000);
afterAll(() => ctx?.close());

describe('issuing and verifying Open Badges 3.0 credentials', () => {
  it('staff award by hand with a reason; the credential verifies as valid and names issuer and achievement', async () => {
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email.toUpperCase(),
      reason: 'Đọc 20 cuốn sách trong tháng hè',
    });
    const doc = await docOf(id);
    expect(doc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(doc['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(doc.issuer).toMatchObject({ id: `http://localhost:3000/credentials/issuers/${libraryId}` });
    expect(doc.credentialSubject).toMatchObject({
      name: 'Trần Văn Đọc',
      achievement: { name: 'Bạn đọc chăm chỉ' },
    });
    expect(await verifyDocument(ctx.deps, doc)).toMatchObject({ status: 'valid' });
    expect(await auditCount(ctx, 'credentials.award.create', id)).toBe(1);
  });

  it('verifies offline from the downloaded JSON and the issuer profile alone, and flipping one byte breaks it', async () => {
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Lần hai',
    });
    const json = await (await ctx.request(`/credentials/${id}/credential.json`)).text();
    const profileRes = await ctx.request(`/credentials/issuers/${libraryId}`);
    expect(profileRes.headers.get('content-type')).toContain('application/ld+json');
    const profile = await profileRes.text();
    expect(JSON.parse(profile).verificationMethod[0]).toMatchObject({
      type: 'Multikey',
      publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' },
    });
    expect(await verifyOffline(json, profile)).toMatchObject({ ok: true });
    const at = json.indexOf('Trần Văn Đọc');
    const flipped = `${json.slice(0, at)}T${json.slice(at + 1).replace(/^r/, 's')}`;
    expect(flipped).not.toBe(json);
    expect(await verifyOffline(flipped, profile)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await verifyDocument(ctx.deps, JSON.parse(flipped))).toMatchObject({ status: 'tampered' });
    const otherDate = json.replace(/"validFrom": "(\d{4})/, (_m, y) => `"validFrom": "${Number(y) - 1}`);
    expect(await verifyDocument(ctx.deps, JSON.parse(otherDate))).toMatchObject({ status: 'tampered' });
  });

  it('a revoked credential reads "revoked", on our page and in the status list a verifier reads', async () => {
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Sẽ thu hồi',
    });
    await expect(revokeAward(ctx.deps, staff, id, { reason: 'nhầm người' })).rejects.toMatchObject({
      status: 403,
    });
    await revokeAward(ctx.deps, admin, id, { reason: 'Trao nhầm người' });
    const doc = await docOf(id);
    expect(await verifyDocument(ctx.deps, doc)).toMatchObject({ status: 'revoked' });
    const status = doc.credentialStatus as { statusListIndex: string; statusListCredential: string };
    const listRes = await ctx.request(new URL(status.statusListCredential).pathname);
    const listJson = await listRes.text();
    const list = JSON.parse(listJson);
    expect(list.type).toContain('BitstringStatusListCredential');
    expect(bitAt(list.credentialSubject.encodedList, Number(status.statusListIndex))).toBe(true);
    const profile = await (await ctx.request(`/credentials/issuers/${libraryId}`)).text();
    expect(await verifyOffline(listJson, profile)).toMatchObject({ ok: true });
    const valid = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'x2',
    });
    const validIndex = Number(
      ((await docOf(valid)).credentialStatus as { statusListIndex: string }).statusListIndex,
    );
    const list2 = await (await ctx.request(`/credentials/status/${libraryId}`)).json();
    expect(bitAt(list2.credentialSubject.encodedList, validIndex)).toBe(false);
  });

  it('after a key rotation, credentials signed with the old key still verify and new ones use the new key', async () => {
    const before = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Trước khi đổi khoá',
    });
    const oldVm = (await docOf(before)).proof.verificationMethod;
    await expect(rotateUnitKey(ctx.deps, staff, libraryId)).rejects.toMatchObject({ status: 403 });
    const newKey = await rotateUnitKey(ctx.deps, admin, libraryId);
    const after = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Sau khi đổi khoá',
    });
    expect((await docOf(after)).proof.verificationMethod).toBe(
      `http://localhost:3000/credentials/issuers/${libraryId}#${newKey}`,
    );
    expect(oldVm).not.toContain(newKey);
    expect(await verifyDocument(ctx.deps, await docOf(before))).toMatchObject({
      status: 'valid',
      verificationMethod: oldVm,
    });
    expect(await verifyDocument(ctx.deps, await docOf(after))).toMatchObject({ status: 'valid' });
    const profile = await (await ctx.request(`/credentials/issuers/${libraryId}`)).text();
    expect(await verifyOffline(JSON.stringify(await docOf(before)), profile)).toMatchObject({ ok: true });
  });

  it('an expired credential reads "expired"', async () => {
    const shortLived = await createAchievement(ctx.deps, staff, {
      unitId: libraryId,
      nameVi: 'Thẻ tình nguyện viên',
      criteriaVi: 'Tình nguyện tại thư viện một tháng.',
      imageAlt: 'Huy hiệu tình nguyện viên',
      validityMonths: 1,
    });
    const id = await awardManually(ctx.deps, staff, {
      achievementId: shortLived,
      recipientEmail: reader.email,
      reason: 'Tháng 6',
    });
    const later = { ...ctx.deps, now: () => new Date(Date.now() + 40 * 86_400_000) };
    expect(await verifyDocument(ctx.deps, await docOf(id))).toMatchObject({ status: 'valid' });
    expect(await verifyDocument(later, await docOf(id))).toMatchObject({ status: 'expired' });
  });

  it("keeps private keys only encrypted, and another unit's staff cannot award this unit's achievement", async () => {
    const rows = await ctx.dbh.query<{ private_key_encrypted: string }>(
      'SELECT private_key_encrypted FROM credential_issuer_keys WHERE unit_id = $1',
      [libraryId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      const seed = open(ctx.deps.config.credentialsKey, r.private_key_encrypted);
      const dump = JSON.stringify(await ctx.dbh.query('SELECT * FROM credential_issuer_keys'));
      for (const enc of ['hex', 'base64', 'base64url'] as const)
        expect(dump).not.toContain(Buffer.from(seed).toString(enc));
      expect(() => open('d3JvbmctZGV2LWtleS13cm9uZy1kZXYta2V5LTMyYiE', r.private_key_encrypted)).toThrow();
    }
    await expect(
      awardManually(ctx.deps, museumStaff, {
        achievementId,
        recipientEmail: reader.email,
        reason: 'không được',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      awardManually(ctx.deps, staff, {
        achievementId,
        recipientEmail: 'no-one@example.vn',
        reason: 'không ai',
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('a hidden credential is not served to anyone until the learner shows it again', async () => {
    const id = await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: reader.email,
      reason: 'Ẩn',
    });
    expect((await ctx.request(`/credentials/${id}/credential.json`)).status).toBe(200);
    const self = { ...staff, userId: reader.userId } as Actor;
    await expect(setHidden(ctx.deps, self, ['someone-else'], id, true)).rejects.toMatchObject({
      status: 404,
    });
    await setHidden(ctx.deps, self, [reader.userId], id, true);
    expect((await ctx.request(`/credentials/${id}/credential.json`)).status).toBe(404);
    await setHidden(ctx.deps, self, [reader.userId], id, false);
    expect((await ctx.request(`/credentials/${id}/credential.json`)).status).toBe(200);
  });
});

describe('the award-rule engine', () => {
  it('awards "N events of a category in a year" once per person and year, from real attendance rows', async () => {
    const ruleAch = await createAchievement(ctx.deps, staff, {
      unitId: libraryId,
      nameVi: 'Người yêu sách 2026',
      criteriaVi: 'Tham dự 2 buổi đọc sách trong năm.',
      imageAlt: 'Huy hiệu quyển sách',
      awardRule: { kind: 'events_attended', category: 'reading', count: 2 },
    });
    const keen = await signUpAndSignIn(ctx, { name: 'Lê Thị Chăm' });
    const once = await signUpAndSignIn(ctx, { name: 'Phạm Văn Một' });
    // Attendance as the events module records it (fixture rows: two reading events in 2026).
    for (const [i, day] of ['2026-03-01', '2026-09-10'].entries()) {
      const ev = `evt_credtest${i}`;
      const ses = `evs_credtest${i}`;
      await ctx.dbh.query(
        `INSERT INTO events (id, unit_id, title, category, online_url, status) VALUES ($1, $2, $3, 'reading', 'https://x.vn', 'published')`,
        [ev, libraryId, `Đọc sách ${i}`],
      );
      await ctx.dbh.query(
        `INSERT INTO event_sessions (id, event_id, starts_at, ends_at) VALUES ($1, $2, $3::timestamptz, $3::timestamptz + interval '1 hour')`,
        [ses, ev, `${day}T02:00:00Z`],
      );
      for (const u of i === 0 ? [keen, once] : [keen]) {
        const reg = `reg_${u.userId.slice(4, 12)}${i}`;
        await ctx.dbh.query(
          `INSERT INTO event_registrations (id, event_id, session_id, user_id, name, email, status, ticket_code,
             cancel_token_hash, feedback_token_hash, idempotency_key)
           VALUES ($1, $2, $3, $4, $5, $6, 'confirmed', $1, $1 || 'c', $1 || 'f', $1)`,
          [reg, ev, ses, u.userId, u.userId === keen.userId ? 'Lê Thị Chăm' : 'Phạm Văn Một', u.email],
        );
        await ctx.dbh.query(
          `INSERT INTO event_attendance (id, event_id, session_id, registration_id, checked_in_at) VALUES ($1, $2, $3, $4, $5::timestamptz)`,
          [`att_${reg}`, ev, ses, reg, `${day}T02:10:00Z`],
        );
      }
    }
    const first = await evaluateRules(ctx.deps, 2026);
    expect(first.awarded).toBe(1);
    expect((await evaluateRules(ctx.deps, 2026)).awarded).toBe(0);
    expect((await evaluateRules(ctx.deps, 2025)).awarded).toBe(0);
    const awards = await ctx.deps.repos.credentials.awardsOfAchievement(ctx.deps.db, ruleAch);
    expect(awards.map((a) => [a.learnerId, a.recipientName, a.source, a.periodKey])).toEqual([
      [keen.userId, 'Lê Thị Chăm', 'rule', '2026'],
    ]);
    expect(await verifyDocument(ctx.deps, awards[0]!.document)).toMatchObject({ status: 'valid' });
  });
});
