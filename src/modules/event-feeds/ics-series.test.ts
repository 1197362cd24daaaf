// Weekly series in our feeds (issue 18): written as RRULE + EXDATE, then expanded by an independent reader
// (ical.js) — the occurrences it finds must be exactly the live sessions, nothing more, nothing less.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FeedSession } from './feeds.repository.server.ts';
import { feedEvents } from './feeds.usecases.server.ts';
import { buildIcs } from './ics.ts';

const URL_ = 'https://hoctap.example.vn';
const HOST = 'hoctap.example.vn';

function session(id: string, startsAt: string, hours = 2, over: Partial<FeedSession> = {}): FeedSession {
  const start = new Date(startsAt);
  return {
    sessionId: id,
    eventId: 'evt_series',
    startsAt: start,
    endsAt: new Date(start.getTime() + hours * 3_600_000),
    sessionCancelled: false,
    title: 'CLB đọc sách thứ Bảy',
    description: '',
    category: 'reading',
    status: 'published',
    source: 'local',
    url: null,
    onlineUrl: null,
    updatedAt: new Date('2027-01-01T00:00:00Z'),
    unitId: 'unt_x',
    unitName: 'Thư viện tỉnh',
    placeId: null,
    placeName: null,
    placeAddress: null,
    lat: null,
    lng: null,
    recurring: true,
    ...over,
  };
}

/** Every occurrence start ical.js reads from the feed, per UID. */
function occurrences(text: string): Map<string, string[]> {
  const root = new ICAL.Component(ICAL.parse(text));
  const tz = root.getFirstSubcomponent('vtimezone');
  if (tz && !ICAL.TimezoneService.has('Asia/Ho_Chi_Minh'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const out = new Map<string, string[]>();
  for (const v of root.getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(v);
    const list: string[] = [];
    if (ev.isRecurring()) {
      const it = ev.iterator();
      for (let next = it.next(); next && list.length < 500; next = it.next())
        list.push(next.toJSDate().toISOString());
    } else list.push(ev.startDate.toJSDate().toISOString());
    out.set(ev.uid, list);
  }
  return out;
}

// Saturdays 08:00 in Vietnam (01:00 UTC), 6–27 Feb and 6–13 Mar 2027: 20 Feb skipped (not generated), 6 Mar
// cancelled; also a Wednesday class in the same weeks.
const saturdays = [
  session('ses_1', '2027-02-06T01:00:00Z'),
  session('ses_2', '2027-02-13T01:00:00Z'),
  session('ses_3', '2027-02-27T01:00:00Z'),
  session('ses_4', '2027-03-06T01:00:00Z', 2, { sessionCancelled: true }),
  session('ses_5', '2027-03-13T01:00:00Z'),
];

describe('weekly series in the feeds', () => {
  it('writes one VEVENT with RRULE and EXDATE whose occurrences are exactly the live sessions', () => {
    const text = buildIcs({ name: 'Lịch', events: feedEvents(saturdays, URL_, HOST) });
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20270313T010000Z');
    expect(text).toContain('EXDATE;TZID=Asia/Ho_Chi_Minh:20270220T080000,20270306T080000');
    expect(occurrences(text)).toEqual(
      new Map([
        [
          `evt_series@${HOST}`,
          [
            '2027-02-06T01:00:00.000Z',
            '2027-02-13T01:00:00.000Z',
            '2027-02-27T01:00:00.000Z',
            '2027-03-13T01:00:00.000Z',
          ],
        ],
      ]),
    );
  });

  it('reads two weekdays off the sessions (BYDAY=WE,SA)', () => {
    const wednesdays = [session('ses_w1', '2027-02-10T01:00:00Z'), session('ses_w2', '2027-02-17T01:00:00Z')];
    const all = [...saturdays.slice(0, 2), ...wednesdays].sort((a, b) => +a.startsAt - +b.startsAt);
    const text = buildIcs({ name: 'Lịch', events: feedEvents(all, URL_, HOST) });
    expect(text).toContain('BYDAY=WE,SA');
    expect(occurrences(text).get(`evt_series@${HOST}`)).toEqual(all.map((s) => s.startsAt.toISOString()));
  });

  it('keeps one VEVENT per session (session UIDs) when the sessions do not fit one rule, or the event is single', () => {
    const uneven = [saturdays[0] as FeedSession, session('ses_9', '2027-02-13T03:00:00Z')];
    const single = [session('ses_only', '2027-04-21T02:00:00Z', 2, { eventId: 'evt_one', recurring: false })];
    const text = buildIcs({ name: 'Lịch', events: feedEvents([...uneven, ...single], URL_, HOST) });
    expect([...occurrences(text).keys()].sort()).toEqual(
      [`ses_1@${HOST}`, `ses_9@${HOST}`, `ses_only@${HOST}`].sort(),
    );
    expect(text).not.toContain('RRULE');
  });
});
