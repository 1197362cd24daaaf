import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRole } from '../access/access.grants.server.ts';
import { createAchievement } from '../credentials/credentials.usecases.server.ts';
import { verifyDocument } from '../credentials/credentials.verify.server.ts';
import { lrsPort } from '../lrs/index.server.ts';
import { erasePersonalData } from '../privacy/privacy.usecases.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { score } from './citizen.scheme.ts';
import {
  myProgress,
  reviewAssessment,
  reviewQueue,
  saveScheme,
  schemeFor,
} from './citizen.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let museumStaff: Actor;
let libraryId: string;
let achievementId: string;

const asUser = (u: { userId: string; email: string }, name = 'Người học'): Actor => ({
  kind: 'user',
  userId: u.userId,
  email: u.email,
  name,
  grants: [],
  inSubtree: () => false,
  twoFactorEnabled: false,
  sessionId: 'test',
});

/** A signed-in unit staff member of the provincial library (session cookie). */
async function staffCookieFor(): Promise<string> {
  const user = await signUpAndSignIn(ctx, { name: 'Cán bộ thư viện' });
  const bootstrap = await actorOn(ctx, 'administrator', 'so-vhttdl');
  await grantRole(ctx.deps, bootstrap, { userId: user.userId, role: 'unit_staff', unitId: libraryId });
  return user.cookie;
}

/** `n` learning activities of `minutes` each, this year, in the citizen's record. */
async function learn(learnerId: string, n: number, minutes: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await ctx.deps.db.transaction((tx) =>
      lrsPort.recordActivity(ctx.deps, tx, {
        sourceKey: `citizen-test:${tag}:${learnerId}:${i}`,
        learnerId,
        verb: 'attended',
        activity: { id: `https://example.vn/act/${tag}/${i}`, name: `Buổi học ${i}` },
        at: ctx.deps.now(),
        category: 'class',
        durationSeconds: minutes * 60,
      }),
    );
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  museumStaff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  achievementId = await createAchievement(ctx.deps, staff, {
    unitId: libraryId,
    nameVi: 'Công dân học tập',
    criteriaVi: 'Đạt từ 80/100 điểm theo bộ tiêu chí của năm.',
    imageAlt: 'Huy hiệu Công dân học tập',
  });
}, 180_000);
afterAll(() => ctx?.close());

describe('scoring', () => {
  const scheme = { criteria: [], passTotal: 80 };
  it('caps each criterion at its maximum, needs the pass mark and every minimum', async () => {
    const s = await schemeFor(ctx.deps, 2031);
    expect(s.isDefault).toBe(true);
    expect(s.criteria.reduce((n, c) => n + c.max, 0)).toBe(100);
    const full = score(s, { hours: 100, activities: 50, paths: 5, digital: 0 }, 15);
    expect(full.total).toBe(85);
    expect(full.passed).toBe(true);
    // 85 points but hours below their minimum of 5: not passed.
    const lopsided = score(s, { hours: 4, activities: 50, paths: 5, digital: 5 }, 15);
    expect(lopsided.scores.find((c) => c.key === 'hours')!.belowMin).toBe(true);
    expect(lopsided.passed).toBe(false);
    expect(score({ ...scheme, criteria: s.criteria }, {}, null).total).toBe(0);
  });

  it("administrators edit a year's criteria as data; invalid schemes are refused", async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const base = await schemeFor(ctx.deps, 2032);
    await expect(
      saveScheme(ctx.deps, admin, 2032, { criteria: base.criteria.slice(1), passTotal: 80 }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      saveScheme(ctx.deps, staff, 2032, { criteria: base.criteria, passTotal: 70 }),
    ).rejects.toMatchObject({ status: 403 });
    await saveScheme(ctx.deps, admin, 2032, { criteria: base.criteria, passTotal: 70 });
    expect(await schemeFor(ctx.deps, 2032)).toMatchObject({ passTotal: 70, isDefault: false });
  });
});

describe('self-assessment, review and recognition', () => {
  it('evidence comes from the record; the unit confirms, recognises and a verifiable credential is issued', async () => {
    const me = await signUpAndSignIn(ctx, { name: 'Lê Thị Chăm' });
    // 30 activities of 90 minutes: 45 hours (30 points, capped) and 30 activities (20 points, capped).
    await learn(me.userId, 30, 90, 'a');
    const p = await myProgress(ctx.deps, asUser(me));
    expect(p.scoring.scores.find((s) => s.key === 'hours')).toMatchObject({ value: 45, points: 30 });
    expect(p.scoring.scores.find((s) => s.key === 'activities')).toMatchObject({ value: 30, points: 20 });
    expect(p.scoring.total).toBe(50);

    const page = await (await ctx.request('/account/citizen', { headers: { cookie: me.cookie } })).text();
    expect(page).toContain('name="unitId"');
    expect(page).toContain('50/100');
    expect((await ctx.request('/account/citizen')).status).toBeGreaterThanOrEqual(300);
    // Hostile input: an unknown unit, an over-long commune: refused, never a 500.
    for (const bad of [
      { unitId: 'unit_nope', commune: 'Phường Nha Trang', manualEvidence: '' },
      { unitId: libraryId, commune: 'x'.repeat(500), manualEvidence: '' },
    ]) {
      const r = await postForm(ctx, '/account/citizen', bad, { cookie: me.cookie });
      expect(r.status).toBe(422);
    }
    const sent = await postForm(
      ctx,
      '/account/citizen',
      { unitId: libraryId, commune: 'Phường Nha Trang', manualEvidence: 'Tình nguyện viên thư viện' },
      { cookie: me.cookie },
    );
    expect(sent.status).toBe(200);

    const queue = await reviewQueue(ctx.deps, staff, yearInVietnam(ctx.deps.now()));
    const mine = queue.find((a) => a.learnerId === me.userId)!;
    expect(mine).toMatchObject({ name: 'Lê Thị Chăm', commune: 'Phường Nha Trang', status: 'submitted' });
    // Another unit's staff neither see nor review it.
    await expect(
      reviewQueue(ctx.deps, museumStaff, yearInVietnam(ctx.deps.now())),
    ).resolves.not.toContainEqual(expect.objectContaining({ id: mine.id }));
    await expect(
      reviewAssessment(ctx.deps, museumStaff, mine.id, {
        decision: 'recognised',
        manualPoints: 15,
        achievementId,
        note: '',
      }),
    ).rejects.toMatchObject({ status: 403 });
    // 50 + 15 manual = 65 < 80: recognition refused.
    await expect(
      reviewAssessment(ctx.deps, staff, mine.id, {
        decision: 'recognised',
        manualPoints: 15,
        achievementId,
        note: '',
      }),
    ).rejects.toMatchObject({ status: 422 });

    const before = await ctx.deps.repos.citizen.recognisedCounts(
      ctx.deps.db,
      new Date(0),
      new Date(Date.now() + 86_400_000),
      null,
      'commune',
    );
    const countIn = (rows: typeof before) => rows.find((r) => r.key === 'Phường Nha Trang')?.value ?? 0;
    // Two completed paths (20 points) make it 85.
    for (const pathId of ['lpath_citizen_a', 'lpath_citizen_b']) {
      await ctx.deps.db.execute(
        (await import('drizzle-orm')).sql`INSERT INTO learning_paths (id, unit_id, title, status)
          VALUES (${pathId}, ${libraryId}, ${pathId}, 'published') ON CONFLICT DO NOTHING`,
      );
      await ctx.deps.db.execute(
        (await import('drizzle-orm'))
          .sql`INSERT INTO learning_path_completions (learner_id, path_id, unit_id, completed_at)
          VALUES (${me.userId}, ${pathId}, ${libraryId}, now())`,
      );
    }
    // Rejected first (re-submission is allowed), then recognised on the new evidence.
    await reviewAssessment(ctx.deps, staff, mine.id, {
      decision: 'rejected',
      manualPoints: 0,
      achievementId: '',
      note: 'Bổ sung lộ trình',
    });
    await postForm(
      ctx,
      '/account/citizen',
      { unitId: libraryId, commune: 'Phường Nha Trang', manualEvidence: 'Tình nguyện viên thư viện' },
      { cookie: me.cookie },
    );
    const again = (await reviewQueue(ctx.deps, staff, yearInVietnam(ctx.deps.now()))).find(
      (a) => a.learnerId === me.userId,
    )!;
    expect(again.total).toBe(70);
    const { credentialId } = await reviewAssessment(ctx.deps, staff, again.id, {
      decision: 'recognised',
      manualPoints: 15,
      achievementId,
      note: '',
    });
    expect(credentialId).toMatch(/^cred_/);
    expect(await auditCount(ctx, 'citizen.assessment.recognised', again.id)).toBe(1);
    const award = await ctx.deps.repos.credentials.award(ctx.deps.db, credentialId!);
    expect(award?.recipientName).toBe('Lê Thị Chăm');
    expect((await verifyDocument(ctx.deps, award!.document)).status).toBe('valid');
    await expect(
      reviewAssessment(ctx.deps, staff, again.id, {
        decision: 'rejected',
        manualPoints: 0,
        achievementId: '',
        note: '',
      }),
    ).rejects.toMatchObject({ status: 409 });
    // Recognised: a new submission this year is refused.
    const late = await postForm(
      ctx,
      '/account/citizen',
      { unitId: libraryId, commune: 'Phường Khác', manualEvidence: '' },
      { cookie: me.cookie },
    );
    expect(late.status).toBe(409);

    const after = await ctx.deps.repos.citizen.recognisedCounts(
      ctx.deps.db,
      new Date(0),
      new Date(Date.now() + 86_400_000),
      null,
      'commune',
    );
    expect(countIn(after)).toBe(countIn(before) + 1);
    const staffCookie = await staffCookieFor();
    const csv = await ctx.request(`/admin/citizen/recognised.csv?year=${yearInVietnam(ctx.deps.now())}`, {
      headers: { cookie: staffCookie },
    });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('"Lê Thị Chăm","Phường Nha Trang"');
    expect((await ctx.request('/admin/citizen/recognised.csv')).status).toBe(401);
    // Erasure keeps the count: the row is pseudonymised, not deleted.
    await erasePersonalData(ctx.deps, {
      userId: me.userId,
      learnerIds: [me.userId],
      emails: [me.email],
      phones: [],
    });
    const erased = await ctx.deps.repos.citizen.recognisedCounts(
      ctx.deps.db,
      new Date(0),
      new Date(Date.now() + 86_400_000),
      null,
      'commune',
    );
    expect(countIn(erased)).toBe(countIn(after));
    expect(await ctx.deps.repos.citizen.ofLearners(ctx.deps.db, [me.userId])).toEqual([]);
  });
});
