import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { eventInput, insertPlace } from './events.test-helpers.ts';
import { createEvent, listPublicSessions } from './events.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let libraryId: string;
let placeId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa', {
    lat: 12.2388,
    lng: 109.1967,
  });
  const day = { firstDate: '2031-03-10', startTime: '08:00', endTime: '10:00', weekly: null };
  for (const title of ['Giảm 50% phí thẻ thư viện', 'Đọc sách cùng con', 'Tin_học cho người cao tuổi']) {
    await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, { title, description: title, schedule: day }),
    );
  }
}, 180_000);
afterAll(() => ctx.close());

const titles = async (q: string) =>
  (await listPublicSessions(ctx.deps, { day: '2031-03-10', q })).map((s) => s.event.title).sort();

describe('searching the public event list', () => {
  it('treats % and _ in a query as the characters themselves, not as wildcards', async () => {
    expect(await titles('%')).toEqual(['Giảm 50% phí thẻ thư viện']);
    expect(await titles('50%')).toEqual(['Giảm 50% phí thẻ thư viện']);
    expect(await titles('_')).toEqual(['Tin_học cho người cao tuổi']);
    expect(await titles('t_n')).toEqual([]);
  });

  it('still folds accents and case', async () => {
    expect(await titles('DOC SACH')).toEqual(['Đọc sách cùng con']);
  });
});
