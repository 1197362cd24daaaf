import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearInVietnam } from '../../lib/dates.ts';
import { postForm } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { learnersPort } from '../learners/index.server.ts';
import { addFamilyMember } from '../learners/learners.consent.server.ts';
import { myProfile, updateProfile } from '../learners/learners.profiles.server.ts';
import { actorFor, phoneSignIn } from '../learners/learners.test-helpers.ts';
import { consentLedger, noticeVersion } from './index.server.ts';

let ctx: TestContext;
let year: number;
beforeAll(async () => {
  ctx = await createTestContext();
  year = yearInVietnam(ctx.deps.now());
}, 180_000);
afterAll(() => ctx?.close());

async function parent() {
  const s = await phoneSignIn(ctx);
  const actor = await actorFor(ctx, s.cookie);
  const self = await myProfile(ctx.deps, actor, s.userId);
  await updateProfile(ctx.deps, actor, s.userId, { displayName: 'Bố Minh', birthYear: 1984 }, self.version);
  return { ...s, actor };
}

describe('consent ledger', () => {
  it('records a guardian’s consents with the notice version; withdrawing from the privacy page takes effect', async () => {
    const p = await parent();
    const kid = await addFamilyMember(ctx.deps, p.actor, {
      displayName: 'Bé Sơn',
      birthYear: year - 10,
      relation: 'child',
      guardianConsent: true,
      childConsent: true,
    });
    const given = await consentLedger.history(ctx.deps, [kid]);
    expect(given.map((e) => [e.purpose, e.action, e.actorUserId, e.channel]).sort()).toEqual([
      ['learners.child', 'given', p.userId, 'account'],
      ['learners.guardian', 'given', p.userId, 'account'],
    ]);
    expect(given[0]!.noticeVersion).toMatch(/^sha256:[0-9a-f]{12}$/);
    const text = await ctx.deps.repos.consents.notice(
      ctx.deps.db,
      given[0]!.purpose,
      given[0]!.noticeVersion,
    );
    expect(noticeVersion(text!)).toBe(given[0]!.noticeVersion);
    expect((await learnersPort.canParticipate(ctx.deps, kid)).allowed).toBe(true);

    const page = await (await ctx.request('/account/privacy', { headers: { cookie: p.cookie } })).text();
    expect(page).toContain('Người giám hộ đồng ý cho trẻ tham gia');
    expect(page).toContain('Bé Sơn');

    // Someone else cannot withdraw it; an unknown purpose is a 404, not a 500.
    const other = await parent();
    for (const [cookie, purpose] of [
      [other.cookie, 'learners.guardian'],
      [p.cookie, 'nonsense'],
    ] as const) {
      const r = await postForm(
        ctx,
        '/account/privacy',
        { intent: 'withdraw', learnerId: kid, purpose },
        { cookie },
      );
      expect(r.status).toBe(404);
    }
    const res = await postForm(
      ctx,
      '/account/privacy',
      { intent: 'withdraw', learnerId: kid, purpose: 'learners.guardian' },
      { cookie: p.cookie },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã rút lại đồng ý');
    // Effective at once: the child can no longer take part or appear publicly.
    expect((await learnersPort.canParticipate(ctx.deps, kid)).allowed).toBe(false);
    const after = await consentLedger.history(ctx.deps, [kid]);
    expect(
      after
        .filter((e) => e.action === 'withdrawn')
        .map((e) => e.purpose)
        .sort(),
    ).toEqual(['learners.child', 'learners.guardian']);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    await expect(ctx.dbh.query("UPDATE consent_ledger SET action = 'given'")).rejects.toThrow(/append-only/);
    await expect(ctx.dbh.query('DELETE FROM consent_ledger')).rejects.toThrow(/append-only/);
  });
});
