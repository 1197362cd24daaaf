import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import {
  addAllowedHost,
  addSubscription,
  allowLoopbackInTests,
  deleteSubscription,
  refreshSubscription,
  syncSubscription,
} from './community.usecases.server.ts';

let ctx: TestContext;
let server: Server;
let base: string;
let admin: Actor;
let staff: Actor;
let libraryId: string;
/** What the partner server answers next. */
let reply: { status: number; body: string } = { status: 200, body: '' };

const VTZ = `BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\nTZNAME:+07\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE`;

function partnerFeed(opts: { withTalk: boolean }) {
  const talk = opts.withTalk
    ? `BEGIN:VEVENT\r\nUID:talk-1@partner.example\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20270421T190000\r\nDTEND;TZID=Asia/Ho_Chi_Minh:20270421T210000\r\nSUMMARY:Nói chuyện\\, giao lưu\\; ký tặng sách\r\nLOCATION:Hội trường Hội Khuyến học\r\nURL:https://partner.example/su-kien/1\r\nEND:VEVENT\r\n`
    : '';
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//VI\r\n${VTZ}\r\n${talk}BEGIN:VEVENT\r\nUID:club@partner.example\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20270401T010000Z\r\nDTEND:20270401T030000Z\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE:20270408T010000Z\r\nSUMMARY:Câu lạc bộ đọc sách\r\nDESCRIPTION:Mỗi thứ Năm\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
}

beforeAll(async () => {
  ctx = await createTestContext();
  allowLoopbackInTests(ctx.deps);
  server = createServer((_req, res) => {
    res.writeHead(reply.status, { 'content-type': 'text/calendar; charset=utf-8' });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
}, 180_000);
afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await ctx?.close();
});

async function externalEvents(subscriptionId: string) {
  return ctx.dbh.query<{
    id: string;
    title: string;
    status: string;
    updated_at: string;
    external_uid: string;
  }>(
    `SELECT id, title, status, updated_at::text, external_uid FROM events
     WHERE source = 'external' AND external_source_id = $1 ORDER BY external_uid`,
    [subscriptionId],
  );
}

async function sessionsOf(eventId: string) {
  return ctx.dbh.query<{ id: string; starts_at: Date }>(
    'SELECT id, starts_at FROM event_sessions WHERE event_id = $1 ORDER BY starts_at',
    [eventId],
  );
}

describe('community calendar', () => {
  let subId: string;

  it('keeps the host allow-list to root administrators and refuses hosts not on it', async () => {
    await expect(addAllowedHost(ctx.deps, staff, { pattern: '127.0.0.1' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      addSubscription(ctx.deps, staff, {
        unitId: libraryId,
        name: 'Đối tác',
        url: `${base}/x.ics`,
        category: 'talk',
      }),
    ).rejects.toMatchObject({ status: 422, code: 'eventFeeds.host_not_allowed' });
    await expect(addAllowedHost(ctx.deps, admin, { pattern: 'not a host!' })).rejects.toMatchObject({
      status: 422,
    });
    await addAllowedHost(ctx.deps, admin, { pattern: '127.0.0.1', note: 'máy chủ thử' });
    expect(await auditCount(ctx, 'eventFeeds.allowlist.add', '127.0.0.1')).toBe(1);
  });

  it('subscribes a unit and copies the partner events as external, recurrence and exceptions expanded', async () => {
    const museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const input = {
      unitId: libraryId,
      name: 'Hội Khuyến học',
      url: `${base}/partner.ics`,
      category: 'talk' as const,
    };
    await expect(addSubscription(ctx.deps, museum, input)).rejects.toMatchObject({ status: 403 });
    const sub = await addSubscription(ctx.deps, staff, input);
    subId = sub.id;
    expect(await auditCount(ctx, 'eventFeeds.subscription.create', sub.id)).toBe(1);

    reply = { status: 200, body: partnerFeed({ withTalk: true }) };
    const r = await refreshSubscription(ctx.deps, staff, sub.id);
    expect(r).toMatchObject({ status: 'ok', events: 2 });
    const rows = await externalEvents(sub.id);
    expect(rows.map((e) => [e.external_uid, e.title, e.status])).toEqual([
      ['club@partner.example', 'Câu lạc bộ đọc sách', 'published'],
      ['talk-1@partner.example', 'Nói chuyện, giao lưu; ký tặng sách', 'published'],
    ]);
    const club = await sessionsOf(rows[0]!.id);
    expect(club.map((s) => new Date(s.starts_at).toISOString())).toEqual([
      '2027-04-01T01:00:00.000Z',
      '2027-04-15T01:00:00.000Z',
      '2027-04-22T01:00:00.000Z',
    ]);
    const talk = await sessionsOf(rows[1]!.id);
    expect(new Date(talk[0]!.starts_at).toISOString()).toBe('2027-04-21T12:00:00.000Z');

    const feed = await (await ctx.request('/feeds/units/thu-vien-tinh.ics')).text();
    const summaries = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('summary'));
    expect(summaries).toContain('Nói chuyện, giao lưu; ký tặng sách');
    const page = await (await ctx.request('/events/calendar?month=2027-04')).text();
    expect(page).toContain('Câu lạc bộ đọc sách');
    expect(page).toContain('Sự kiện đối tác');
    expect(page).toContain('href="https://partner.example/su-kien/1"');
  });

  it('is idempotent by UID: a second fetch changes nothing, ids and stamps stay', async () => {
    const before = await externalEvents(subId);
    const sessionsBefore = await sessionsOf(before[0]!.id);
    const sub = (await ctx.deps.repos.communityCalendar.byId(ctx.deps.db, subId))!;
    expect(await syncSubscription(ctx.deps, sub)).toMatchObject({ status: 'ok', events: 2 });
    expect(await externalEvents(subId)).toEqual(before);
    expect(await sessionsOf(before[0]!.id)).toEqual(sessionsBefore);
  });

  it('marks an event the partner dropped as cancelled, and keeps data when the partner fails', async () => {
    const sub = (await ctx.deps.repos.communityCalendar.byId(ctx.deps.db, subId))!;
    reply = { status: 200, body: partnerFeed({ withTalk: false }) };
    expect(await syncSubscription(ctx.deps, sub)).toMatchObject({ status: 'ok', events: 1, cancelled: 1 });
    expect((await externalEvents(subId)).map((e) => e.status)).toEqual(['published', 'cancelled']);

    reply = { status: 500, body: 'oops' };
    expect(await syncSubscription(ctx.deps, sub)).toMatchObject({ status: 'error', error: 'HTTP 500' });
    reply = { status: 200, body: '<html>not a calendar</html>' };
    expect(await syncSubscription(ctx.deps, sub)).toMatchObject({ status: 'error' });
    expect((await externalEvents(subId)).map((e) => e.status)).toEqual(['published', 'cancelled']);
    const after = (await ctx.deps.repos.communityCalendar.byId(ctx.deps.db, subId))!;
    expect(after.lastStatus).toBe('error');
  });

  it('refuses loopback and oversized answers through the shared safe fetch', async () => {
    const sub = (await ctx.deps.repos.communityCalendar.byId(ctx.deps.db, subId))!;
    // The same deps without the test-only loopback flag (a symbol key, which Object.entries leaves out).
    const plainDeps = Object.fromEntries(Object.entries(ctx.deps)) as typeof ctx.deps;
    expect(await syncSubscription(plainDeps, sub)).toMatchObject({
      status: 'error',
      error: 'address_not_allowed',
    });
    reply = { status: 200, body: `BEGIN:VCALENDAR\r\n${'X-PAD:'.padEnd(1000, 'x')}\r\n`.repeat(2200) };
    expect(await syncSubscription(ctx.deps, sub)).toMatchObject({ status: 'error', error: 'too_large' });
  });

  it('deletes a subscription with the events copied from it', async () => {
    await deleteSubscription(ctx.deps, staff, subId);
    expect(await externalEvents(subId)).toEqual([]);
    expect(await auditCount(ctx, 'eventFeeds.subscription.delete', subId)).toBe(1);
  });
});
