import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { commemorativeOverview } from './calendar.usecases.server.ts';
import { createFeedToken, revokeFeedToken } from './feeds.usecases.server.ts';

let ctx: TestContext;
let library: Actor;
let readingId: string;
let draftId: string;
let heritageId: string;
let citizen: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  library = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  const museumId = await unitIdOf(ctx, 'bao-tang-tinh');
  const libraryPlace = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa', {
    lat: 12.2388,
    lng: 109.1967,
  });
  const museumPlace = await insertPlace(ctx, 'bao-tang-tinh', 'Bảo tàng tỉnh Khánh Hòa');
  readingId = await createEvent(
    ctx.deps,
    library,
    eventInput(libraryId, libraryPlace, { title: 'Đọc sách, kể chuyện; hỏi đáp' }),
  );
  draftId = await createEvent(
    ctx.deps,
    library,
    eventInput(libraryId, libraryPlace, { title: 'Bản nháp chưa công bố', status: 'draft' }),
  );
  heritageId = await createEvent(
    ctx.deps,
    museum,
    eventInput(museumId, museumPlace, {
      title: 'Ngày Di sản: tham quan',
      category: 'heritage',
      schedule: { firstDate: '2027-11-23', startTime: '22:30', endTime: '23:59', weekly: null },
    }),
  );
  const user = await signUpAndSignIn(ctx);
  const base = testActor([]);
  if (base.kind !== 'user') throw new Error('test actor is a user');
  citizen = { ...base, userId: user.userId, email: user.email };
}, 180_000);
afterAll(() => ctx?.close());

async function ics(path: string, init?: RequestInit) {
  const res = await ctx.request(path, init);
  const text = await res.text();
  return { res, text };
}

function events(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('public iCalendar feeds', () => {
  it('serves every published event as text/calendar, drafts left out, UIDs stable', async () => {
    const { res, text } = await ics('/feeds/events.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const list = events(text);
    expect(list.map((e) => e.summary).sort()).toEqual([
      'Ngày Di sản: tham quan',
      'Đọc sách, kể chuyện; hỏi đáp',
    ]);
    expect(text).toContain('SUMMARY:Đọc sách\\, kể chuyện\\; hỏi đáp');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).not.toContain('Bản nháp');
    const again = await ics('/feeds/events.ics');
    expect(events(again.text).map((e) => e.uid)).toEqual(list.map((e) => e.uid));
  });

  it('keeps a late-evening session on its Vietnam day (22:30 is 15:30 UTC)', async () => {
    const { text } = await ics('/feeds/categories/heritage.ics');
    expect(text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20271123T223000');
    const [ev] = events(text);
    expect(ev?.summary).toBe('Ngày Di sản: tham quan');
  });

  it('answers 304 to a client that has the current version', async () => {
    const first = await ctx.request('/feeds/events.ics');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await ctx.request('/feeds/events.ics', { headers: { 'if-none-match': etag! } });
    expect(second.status).toBe(304);
  });

  it('filters by unit subtree and by category; unknown ones answer 404', async () => {
    const lib = events((await ics('/feeds/units/thu-vien-tinh.ics')).text);
    expect(lib.map((e) => e.summary)).toEqual(['Đọc sách, kể chuyện; hỏi đáp']);
    const root = events((await ics('/feeds/units/so-vhttdl.ics')).text);
    expect(root).toHaveLength(2);
    const reading = events((await ics('/feeds/categories/reading.ics')).text);
    expect(reading.map((e) => e.summary)).toEqual(['Đọc sách, kể chuyện; hỏi đáp']);
    expect((await ctx.request('/feeds/units/khong-co.ics')).status).toBe(404);
    expect((await ctx.request('/feeds/categories/bogus.ics')).status).toBe(404);
    expect((await ctx.request('/feeds/categories/reading.txt')).status).toBe(404);
  });

  it('offers one event as a download ("add to calendar"), never a draft', async () => {
    const { res, text } = await ics(`/feeds/events/${readingId}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="evt_[a-z2-9]+\.ics"$/);
    const [ev] = events(text);
    expect(ev?.location).toContain('Thư viện tỉnh Khánh Hòa');
    expect(ev?.component.getFirstPropertyValue('url')).toBe(`http://localhost:3000/events/${readingId}`);
    expect((await ctx.request(`/feeds/events/${draftId}.ics`)).status).toBe(404);
    expect((await ctx.request(`/feeds/events/${heritageId}.ics`)).status).toBe(200);
  });
});

describe('private feed of my registrations', () => {
  it('lists what I registered for behind a secret URL, and stops when revoked or renewed', async () => {
    await registerForEvent(ctx.deps, citizen, readingId, guest({ name: 'Nguyễn Thị Thử' }));
    const { url } = await createFeedToken(ctx.deps, citizen);
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/feeds\/me\/[\w-]{43}\.ics$/);
    const { res, text } = await ics(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(events(text).map((e) => e.summary)).toEqual(['Đọc sách, kể chuyện; hỏi đáp']);

    const renewed = new URL((await createFeedToken(ctx.deps, citizen)).url).pathname;
    expect((await ctx.request(path)).status).toBe(404);
    expect((await ctx.request(renewed)).status).toBe(200);
    await revokeFeedToken(ctx.deps, citizen);
    expect((await ctx.request(renewed)).status).toBe(404);
    expect((await ctx.request('/feeds/me/not-a-token.ics')).status).toBe(404);
  });

  it('needs a signed-in person to create a link', async () => {
    await expect(createFeedToken(ctx.deps, ANONYMOUS)).rejects.toMatchObject({ status: 401 });
  });
});

describe('month view and commemorative calendar', () => {
  it('shows April 2027 with 21/4 highlighted and the event listed, in both languages', async () => {
    const res = await ctx.request('/events/calendar?month=2027-04');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Lịch sự kiện tháng 4/2027');
    expect(html).toContain('Ngày Sách và Văn hóa đọc Việt Nam');
    expect(html).toContain('Đọc sách, kể chuyện; hỏi đáp');
    expect(html).toContain('id="day-2027-04-21"');
    expect(html).not.toContain('Bản nháp');
    expect(html).not.toContain('<script');
    const en = await ctx.request('/en/events/calendar?month=2027-04&category=heritage');
    expect(en.status).toBe(200);
    const enHtml = await en.text();
    expect(enHtml).toContain('Events in 4/2027');
    expect(enHtml).not.toContain('Đọc sách, kể chuyện');
  });

  it('lists one day on its own, the month taken from the day', async () => {
    const res = await ctx.request('/events/calendar?day=2027-04-21');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Sự kiện ngày 21/04/2027');
    expect(html).toContain('Đọc sách, kể chuyện; hỏi đáp');
    expect(html).toContain('href="/events/calendar?month=2027-04&amp;day=2027-04-21#list"');
  });

  it('answers 400 to bad filters, still showing the current month, instead of failing', async () => {
    const res = await ctx.request('/events/calendar?month=2027-13&category=%3Cscript%3E');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Bộ lọc không hợp lệ');
  });

  it('tells the focal point which units have events for each day of the year', async () => {
    const focal = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    const days = await commemorativeOverview(ctx.deps, focal, 2027);
    expect(days).toHaveLength(7);
    const reading = days.find((d) => d.occurrence.code === 'ngay-sach-van-hoa-doc')!;
    expect(reading.withEvents.map((u) => u.code)).toEqual(['thu-vien-tinh']);
    expect(reading.withEvents[0]).toMatchObject({ events: 2, published: 1 });
    expect(reading.withoutEvents.map((u) => u.code)).toContain('bao-tang-tinh');
    expect(reading.withoutEvents.map((u) => u.code)).not.toContain('phong-khtc');
    const heritage = days.find((d) => d.occurrence.code === 'ngay-di-san-van-hoa')!;
    expect(heritage.withEvents.map((u) => u.code)).toEqual(['bao-tang-tinh']);
    const week = days.find((d) => d.occurrence.code === 'tuan-le-hoc-tap-suot-doi')!;
    expect(week.occurrence).toMatchObject({ start: '2027-10-01', end: '2027-10-07' });
    expect(week.withEvents).toEqual([]);
  });

  it('keeps the overview to the Department and administrators', async () => {
    await expect(commemorativeOverview(ctx.deps, library, 2027)).rejects.toMatchObject({ status: 403 });
    const res = await ctx.request('/admin/events/commemorative?year=2027', { redirect: 'manual' });
    expect([302, 303]).toContain(res.status);
  });
});
