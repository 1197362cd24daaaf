// The month view stays the same size however busy the month is (issue 17): each day lists its first sessions
// and links the rest, the grid counts every session, and a day's own page lists all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { monthView, PER_DAY } from './calendar.usecases.server.ts';

let ctx: TestContext;
const BUSY_DAY = '2027-05-12';
// Five talks on one day (08:00, 09:00, … 12:00), one heritage visit on another, one draft.
const talk = (i: number) => `Nói chuyện chuyên đề số ${i}`;

beforeAll(async () => {
  ctx = await createTestContext();
  const library = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa');
  // Created latest first, so the listing order comes from the start times, not from insertion.
  for (const i of [5, 4, 3, 2, 1]) {
    await createEvent(
      ctx.deps,
      library,
      eventInput(libraryId, place, {
        title: talk(i),
        category: 'talk',
        schedule: {
          firstDate: BUSY_DAY,
          startTime: `${String(7 + i).padStart(2, '0')}:00`,
          endTime: `${String(7 + i).padStart(2, '0')}:45`,
          weekly: null,
        },
      }),
    );
  }
  await createEvent(
    ctx.deps,
    library,
    eventInput(libraryId, place, {
      title: 'Tham quan di sản buổi tối',
      category: 'heritage',
      // 22:30 in Vietnam is 15:30 UTC: still 20/5 here.
      schedule: { firstDate: '2027-05-20', startTime: '22:30', endTime: '23:30', weekly: null },
    }),
  );
  await createEvent(
    ctx.deps,
    library,
    eventInput(libraryId, place, {
      title: 'Bản nháp tháng năm',
      status: 'draft',
      schedule: { firstDate: BUSY_DAY, startTime: '07:00', endTime: '08:00', weekly: null },
    }),
  );
}, 180_000);
afterAll(() => ctx?.close());

describe('month view of a busy month', () => {
  it('lists the first sessions of each day and counts all of them, drafts left out', async () => {
    const view = await monthView(ctx.deps, ANONYMOUS, { year: 2027, month: 5 });
    expect(view.counts).toEqual({ [BUSY_DAY]: 5, '2027-05-20': 1 });
    expect(view.sessions.map((s) => s.title)).toEqual([
      ...[1, 2, 3].slice(0, PER_DAY).map(talk),
      'Tham quan di sản buổi tối',
    ]);
    expect(view.sessions[0]).toMatchObject({ day: BUSY_DAY, placeName: 'Thư viện tỉnh Khánh Hòa' });
    expect(view.truncated).toBe(false);

    const heritage = await monthView(ctx.deps, ANONYMOUS, { year: 2027, month: 5, category: 'heritage' });
    expect(heritage.counts).toEqual({ '2027-05-20': 1 });
    expect(heritage.sessions.map((s) => s.title)).toEqual(['Tham quan di sản buổi tối']);
  });

  it('lists one day in full on its own, other days keeping their first sessions for the grid', async () => {
    const view = await monthView(ctx.deps, ANONYMOUS, { year: 2027, month: 5, day: BUSY_DAY });
    expect(view.day).toBe(BUSY_DAY);
    expect(view.sessions.filter((s) => s.day === BUSY_DAY).map((s) => s.title)).toEqual(
      [1, 2, 3, 4, 5].map(talk),
    );
    expect(view.sessions.filter((s) => s.day !== BUSY_DAY).map((s) => s.title)).toEqual([
      'Tham quan di sản buổi tối',
    ]);
  });

  it('shows the whole month with a "see all" link per busy day, and the day page without one', async () => {
    const res = await ctx.request('/events/calendar?month=2027-05');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const i of [1, 2, 3]) expect(html).toContain(talk(i));
    expect(html).not.toContain(talk(4));
    expect(html).not.toContain('Bản nháp');
    expect(html).toContain('Xem tất cả 5 sự kiện ngày 12/05/2027');
    expect(html).toContain('href="/events/calendar?month=2027-05&amp;day=2027-05-12#list"');
    expect(html).toContain('id="day-2027-05-20"');
    expect(html).not.toContain('Xem tất cả 1 ');

    const day = await (await ctx.request(`/events/calendar?day=${BUSY_DAY}`)).text();
    for (const i of [1, 2, 3, 4, 5]) expect(day).toContain(talk(i));
    expect(day).not.toContain('Xem tất cả');
    // The day's page lists that day only (the other day keeps its title in the grid cell).
    expect(day).not.toContain('id="day-2027-05-20"');

    const en = await (await ctx.request('/en/events/calendar?month=2027-05')).text();
    expect(en).toContain('See all 5 events on 12/05/2027');
  });
});
