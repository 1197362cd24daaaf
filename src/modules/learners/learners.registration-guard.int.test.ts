// A minor cannot get round the consent rules by registering for an event under their own account: the learners
// module guards event registration (through the events module's registration guards).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearInVietnam } from '../../lib/dates.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { myProfile, updateProfile } from './learners.profiles.server.ts';
import { actorFor, phoneSignIn } from './learners.test-helpers.ts';

let ctx: TestContext;
let eventId: string;
let year: number;
beforeAll(async () => {
  ctx = await createTestContext();
  year = yearInVietnam(ctx.deps.now());
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh', { lat: 12.24, lng: 109.19 });
  const future = `${year + 1}-06-01`;
  eventId = await createEvent(
    ctx.deps,
    staff,
    eventInput(library, place, {
      schedule: { firstDate: future, startTime: '08:00', endTime: '10:00', weekly: null },
    }),
  );
}, 180_000);
afterAll(() => ctx.close());

async function citizen(birthYear: number) {
  const s = await phoneSignIn(ctx);
  const actor = await actorFor(ctx, s.cookie);
  const prof = await myProfile(ctx.deps, actor, s.userId);
  await updateProfile(ctx.deps, actor, s.userId, { displayName: 'Tí', birthYear }, prof.version);
  return actor;
}

describe('event registration by a minor’s own account', () => {
  it('is refused while the guardian’s consent is missing, with the reason', async () => {
    const teen = await citizen(year - 13);
    await expect(registerForEvent(ctx.deps, teen, eventId, guest())).rejects.toMatchObject({
      status: 422,
      messageKey: 'learners.block.guardianConsentMissing',
    });
  });

  it('is accepted for an adult citizen, and for a guest without an account', async () => {
    const adult = await citizen(1990);
    await expect(registerForEvent(ctx.deps, adult, eventId, guest())).resolves.toMatchObject({
      created: true,
    });
    const { ANONYMOUS } = await import('../../lib/authz.ts');
    await expect(registerForEvent(ctx.deps, ANONYMOUS, eventId, guest())).resolves.toMatchObject({
      created: true,
    });
  });
});
