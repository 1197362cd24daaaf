import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HonoEnv } from '../../http/env.ts';
import { ANONYMOUS } from '../../lib/authz.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { postForm } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { currentLearner, learnersPort } from './index.server.ts';
import { claimableRegistrations, claimRegistrations } from './learners.claims.server.ts';
import { addFamilyMember, giveConsents } from './learners.consent.server.ts';
import { mountLearnerSelection, signSelection } from './learners.current.server.ts';
import { learnersPersonalData } from './learners.personal-data.server.ts';
import { myProfile, updateProfile } from './learners.profiles.server.ts';
import { actorFor, phoneSignIn } from './learners.test-helpers.ts';

let ctx: TestContext;
let year: number;
beforeAll(async () => {
  ctx = await createTestContext();
  year = yearInVietnam(ctx.deps.now());
}, 180_000);
afterAll(() => ctx.close());

/** A signed-in parent with a verified phone and their own year of birth. */
async function parent(birthYear = 1985) {
  const s = await phoneSignIn(ctx);
  const actor = await actorFor(ctx, s.cookie);
  const self = await myProfile(ctx.deps, actor, s.userId);
  await updateProfile(ctx.deps, actor, s.userId, { displayName: 'Mẹ Lan', birthYear }, self.version);
  return { ...s, actor };
}

const child = (birthYear: number, over: Record<string, unknown> = {}) => ({
  displayName: 'Bé Na',
  birthYear,
  relation: 'child' as const,
  ...over,
});

describe('family members and minors’ consent', () => {
  it('refuses a child under 16 without the guardian’s consent, and one from 7 without the child’s own', async () => {
    const p = await parent();
    await expect(addFamilyMember(ctx.deps, p.actor, child(year - 5))).rejects.toMatchObject({
      code: 'learners.guardian_consent_required',
      status: 422,
    });
    await expect(
      addFamilyMember(ctx.deps, p.actor, child(year - 10, { guardianConsent: true })),
    ).rejects.toMatchObject({ code: 'learners.child_consent_required' });
    const err = await addFamilyMember(ctx.deps, p.actor, child(year - 10)).catch((e) => e);
    expect(err.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'childConsent',
      'guardianConsent',
    ]);
  });

  it('adds a consented child who can then take part, keeping the proof of consent', async () => {
    const p = await parent();
    const id = await addFamilyMember(
      ctx.deps,
      p.actor,
      child(year - 10, { guardianConsent: true, childConsent: true }),
    );
    expect(await learnersPort.canParticipate(ctx.deps, id)).toMatchObject({ allowed: true, blocks: [] });
    const consents = await ctx.deps.repos.learners.activeConsents(ctx.deps.db, [id]);
    expect(consents.map((c) => c.kind).sort()).toEqual(['child', 'guardian']);
    expect(consents[0]).toMatchObject({ givenByUserId: p.userId, verifiedContact: p.phone });
    expect(consents[0]?.wording.length).toBeGreaterThan(20);
    expect((await learnersPort.managedBy(ctx.deps, p.userId)).map((m) => m.id)).toEqual([p.userId, id]);
  });

  it('adds one member for a double-submitted form (same form token), however often it arrives', async () => {
    const p = await parent();
    const input = { displayName: 'Ông Năm', birthYear: 1948, relation: 'parent' as const };
    const ids = await Promise.all([1, 2, 3].map(() => addFamilyMember(ctx.deps, p.actor, input, 'ftk_same')));
    expect(new Set(ids).size).toBe(1);
    expect(await learnersPort.managedBy(ctx.deps, p.userId)).toHaveLength(2);
  });

  it('a child under 7 needs the guardian only; an adult relative needs nothing', async () => {
    const p = await parent();
    const small = await addFamilyMember(ctx.deps, p.actor, child(year - 4, { guardianConsent: true }));
    expect((await learnersPort.canParticipate(ctx.deps, small)).allowed).toBe(true);
    const grandma = await addFamilyMember(ctx.deps, p.actor, {
      displayName: 'Bà Tư',
      birthYear: 1950,
      relation: 'parent',
    });
    expect((await learnersPort.canParticipate(ctx.deps, grandma)).allowed).toBe(true);
    expect(await ctx.deps.repos.learners.activeConsents(ctx.deps.db, [grandma])).toEqual([]);
  });

  it('refuses a guardian who is not an adult, or whose year of birth is unknown', async () => {
    const teen = await parent(year - 15);
    await expect(
      addFamilyMember(ctx.deps, teen.actor, child(year - 3, { guardianConsent: true })),
    ).rejects.toMatchObject({ code: 'learners.guardian_not_adult' });
    const s = await phoneSignIn(ctx);
    await expect(
      addFamilyMember(ctx.deps, await actorFor(ctx, s.cookie), child(year - 3, { guardianConsent: true })),
    ).rejects.toMatchObject({ code: 'learners.guardian_not_adult' });
  });

  it('cannot be bypassed by editing the year of birth: a profile can be made younger, never older', async () => {
    const p = await parent();
    // An adult relative added without consent, then "corrected" to a child: blocked until consents are given.
    const id = await addFamilyMember(ctx.deps, p.actor, {
      displayName: 'Cháu',
      birthYear: 1990,
      relation: 'other',
    });
    let prof = await myProfile(ctx.deps, p.actor, id);
    await updateProfile(ctx.deps, p.actor, id, { displayName: 'Cháu', birthYear: year - 12 }, prof.version);
    expect(await learnersPort.canParticipate(ctx.deps, id)).toMatchObject({
      allowed: false,
      blocks: ['guardianConsentMissing', 'childConsentMissing'],
    });
    // Editing it back to an adult year does not lift the requirement.
    prof = await myProfile(ctx.deps, p.actor, id);
    await updateProfile(ctx.deps, p.actor, id, { displayName: 'Cháu', birthYear: 1990 }, prof.version);
    expect((await myProfile(ctx.deps, p.actor, id)).birthYear).toBe(1990);
    expect((await learnersPort.canParticipate(ctx.deps, id)).allowed).toBe(false);
    // The consents given afterwards unblock it.
    await giveConsents(ctx.deps, p.actor, id, { guardianConsent: true, childConsent: true });
    expect((await learnersPort.canParticipate(ctx.deps, id)).allowed).toBe(true);
  });

  it('a teenager who signed up alone stays blocked after claiming to be older', async () => {
    const s = await phoneSignIn(ctx);
    const actor = await actorFor(ctx, s.cookie);
    let prof = await myProfile(ctx.deps, actor, s.userId);
    await updateProfile(ctx.deps, actor, s.userId, { displayName: 'Tí', birthYear: year - 13 }, prof.version);
    expect((await learnersPort.canParticipate(ctx.deps, s.userId)).allowed).toBe(false);
    prof = await myProfile(ctx.deps, actor, s.userId);
    await updateProfile(ctx.deps, actor, s.userId, { displayName: 'Tí', birthYear: 1980 }, prof.version);
    expect((await learnersPort.canParticipate(ctx.deps, s.userId)).allowed).toBe(false);
    await expect(
      giveConsents(ctx.deps, actor, s.userId, { guardianConsent: true, childConsent: true }),
    ).rejects.toMatchObject({ code: 'learners.self_consent' });
  });

  it('keeps each earlier version of a profile and refuses a stale save', async () => {
    const p = await parent();
    const before = await myProfile(ctx.deps, p.actor, p.userId);
    await updateProfile(
      ctx.deps,
      p.actor,
      p.userId,
      { displayName: 'Mẹ Lan Anh', birthYear: 1985, interests: ['lịch sử'] },
      before.version,
    );
    await expect(
      updateProfile(ctx.deps, p.actor, p.userId, { displayName: 'Cũ', birthYear: 1985 }, before.version),
    ).rejects.toMatchObject({ code: 'learners.profile.version_conflict', status: 409 });
    const versions = await ctx.deps.repos.learners.profileVersions(ctx.deps.db, p.userId);
    expect(versions.map((v) => (v.data as { displayName: string }).displayName)).toContain('Mẹ Lan');
  });

  it('refuses unknown fields (an ID number has nowhere to go) and a commune the places data does not know', async () => {
    const p = await parent();
    const prof = await myProfile(ctx.deps, p.actor, p.userId);
    await expect(
      updateProfile(
        ctx.deps,
        p.actor,
        p.userId,
        { displayName: 'A', birthYear: 1985, nationalId: '0123' } as never,
        prof.version,
      ),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      updateProfile(
        ctx.deps,
        p.actor,
        p.userId,
        { displayName: 'A', birthYear: 1985, commune: 'Xã Không Có' },
        prof.version,
      ),
    ).rejects.toMatchObject({ status: 422, details: [{ path: 'commune' }] });
  });

  it('shows another family’s profile as not found', async () => {
    const a = await parent();
    const b = await parent();
    await expect(myProfile(ctx.deps, b.actor, a.userId)).rejects.toMatchObject({ status: 404 });
    const res = await ctx.request(`/my/profile/${a.userId}`, { headers: { cookie: b.cookie } });
    expect(res.status).toBe(404);
  });
});

describe('switching learner in one tap', () => {
  it('switches to a managed child with a form button and back, and ignores forged or foreign selections', async () => {
    const p = await parent();
    const kid = await addFamilyMember(
      ctx.deps,
      p.actor,
      child(year - 5, { guardianConsent: true, displayName: 'Bé Bi' }),
    );
    const res = await postForm(ctx, '/my', { intent: 'switch', learnerId: kid }, { cookie: p.cookie });
    expect(res.status).toBe(302);
    const selection = res.headers.getSetCookie().find((c) => c.startsWith('sd.learner='));
    expect(selection).toBeDefined();
    const cookie = `${p.cookie}; ${selection!.split(';')[0]}`;
    const page = await ctx.request('/my', { headers: { cookie } });
    expect(await page.text()).toContain('Đang dùng hồ sơ: Bé Bi');

    // currentLearner through the app: the selection is checked against what the account manages.
    // The app's own order: the actor, then the learners module's HTTP mount, then a handler asking the port.
    const probe = new Hono<HonoEnv>();
    probe.use('*', async (hc, next) => {
      hc.set('actor', await ctx.deps.actors.resolve(hc.req.raw.headers));
      return next();
    });
    mountLearnerSelection(probe, ctx.deps);
    probe.get('/who', async (hc) => hc.json(await currentLearner(hc.get('actor'), hc.req.raw)));
    const whoFor = async (c: string) =>
      (await (await probe.request('/who', { headers: { cookie: c } })).json()) as { id: string } | null;
    expect((await whoFor(cookie))?.id).toBe(kid);
    // Another account presenting this selection cookie stays itself.
    const other = await parent();
    expect((await whoFor(`${other.cookie}; ${selection!.split(';')[0]}`))?.id).toBe(other.userId);
    // A forged signature, or one signed for a profile the account does not manage, is ignored.
    expect((await whoFor(`${p.cookie}; sd.learner=${kid}.AAAA`))?.id).toBe(p.userId);
    const foreign = encodeURIComponent(signSelection(ctx.deps.config.sessionSecret, p.userId, other.userId));
    expect((await whoFor(`${p.cookie}; sd.learner=${foreign}`))?.id).toBe(p.userId);
    // Switching to someone else's profile is refused.
    const refused = await postForm(
      ctx,
      '/my',
      { intent: 'switch', learnerId: other.userId },
      { cookie: p.cookie },
    );
    expect(refused.status).toBe(404);
  });
});

describe('claiming guest event registrations', () => {
  it('moves registrations made with the verified phone into the account, and nobody else’s', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
    const eventId = await createEvent(
      ctx.deps,
      staff,
      eventInput(await unitIdOf(ctx, 'thu-vien-tinh'), placeId),
    );
    const p = await parent();
    const national = `0${p.phone.slice(3)}`;
    await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest({ phone: national, email: null }));
    await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest({ phone: '0987654321', email: null }));
    expect(await claimableRegistrations(ctx.deps, p.actor)).toBe(1);
    const page = await ctx.request('/my', { headers: { cookie: p.cookie } });
    expect(await page.text()).toContain('Chuyển vào tài khoản của tôi');
    const res = await postForm(ctx, '/my', { intent: 'claim' }, { cookie: p.cookie });
    expect(res.status).toBe(200);
    const mine = await ctx.dbh.query<{ phone: string }>(
      'SELECT phone FROM event_registrations WHERE user_id = $1',
      [p.userId],
    );
    expect(mine.map((r) => r.phone)).toEqual([national]);
    expect(await claimRegistrations(ctx.deps, p.actor)).toBe(0);
  });

  it('claims nothing with an e-mail address that was never verified', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh 2');
    const eventId = await createEvent(
      ctx.deps,
      staff,
      eventInput(await unitIdOf(ctx, 'thu-vien-tinh'), placeId),
    );
    const p = await parent();
    await ctx.deps.repos.learners.addContact(ctx.deps.db, {
      address: 'chua-xac-minh@example.vn',
      kind: 'email',
      userId: p.userId,
      verifiedAt: null,
    });
    await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest({ email: 'chua-xac-minh@example.vn' }));
    expect(await claimRegistrations(ctx.deps, p.actor)).toBe(0);
  });
});

describe('personal data', () => {
  it('exports and erases what the module holds about an account and its family', async () => {
    const p = await parent();
    const kid = await addFamilyMember(ctx.deps, p.actor, child(year - 5, { guardianConsent: true }));
    const subject = { userId: p.userId, learnerIds: [p.userId], emails: [], phones: [p.phone] };
    const out = await learnersPersonalData.export(ctx.deps, ctx.deps.db, subject);
    expect(out.learner_profiles?.map((r) => (r as { id: string }).id).sort()).toEqual([kid, p.userId].sort());
    expect(out.learner_contacts).toHaveLength(1);
    expect(out.learner_consents).toHaveLength(1);
    await ctx.deps.db.transaction((tx) => learnersPersonalData.erase(ctx.deps, tx, subject));
    const after = await learnersPersonalData.export(ctx.deps, ctx.deps.db, subject);
    expect(after.learner_profiles).toEqual([]);
    expect(after.learner_contacts).toEqual([]);
    expect(after.learner_consents).toEqual([]);
  });
});
