import { describe, expect, it } from 'vitest';
import { PartnerCalendarError, parsePartnerCalendar } from './community.parse.server.ts';

const now = new Date('2027-03-01T00:00:00Z');
const opts = { now, pastDays: 7, horizonDays: 365, maxEvents: 500, maxSessionsPerEvent: 60 };
const cal = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//VI\r\n${body}END:VCALENDAR\r\n`;
const ev = (lines: string) => `BEGIN:VEVENT\r\n${lines}END:VEVENT\r\n`;

describe('reading a partner calendar', () => {
  it('reads floating times and whole days as Vietnam time', () => {
    const [floating, allDay] = parsePartnerCalendar(
      cal(
        ev('UID:a\r\nDTSTART:20270421T190000\r\nDTEND:20270421T210000\r\nSUMMARY:Tối đọc sách\r\n') +
          ev('UID:b\r\nDTSTART;VALUE=DATE:20270423\r\nSUMMARY:Cả ngày\r\n'),
      ),
      opts,
    );
    expect(floating?.sessions).toEqual([
      { startsAt: new Date('2027-04-21T12:00:00Z'), endsAt: new Date('2027-04-21T14:00:00Z') },
    ]);
    expect(allDay?.sessions).toEqual([
      { startsAt: new Date('2027-04-22T17:00:00Z'), endsAt: new Date('2027-04-23T17:00:00Z') },
    ]);
  });

  it('keeps UTC times, reads cancellations, drops events out of the window and without UID', () => {
    const events = parsePartnerCalendar(
      cal(
        ev(
          'UID:c\r\nDTSTART:20270501T020000Z\r\nDTEND:20270501T040000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:Hủy\r\n',
        ) +
          ev('UID:old\r\nDTSTART:20250101T020000Z\r\nSUMMARY:Cũ\r\n') +
          ev('DTSTART:20270501T020000Z\r\nSUMMARY:Không UID\r\n'),
      ),
      opts,
    );
    expect(events.map((e) => [e.uid, e.cancelled])).toEqual([['c', true]]);
    expect(events[0]?.sessions[0]?.startsAt.toISOString()).toBe('2027-05-01T02:00:00.000Z');
  });

  it('applies an override of one occurrence of a weekly series', () => {
    const [series] = parsePartnerCalendar(
      cal(
        ev(
          'UID:w\r\nDTSTART:20270401T010000Z\r\nDTEND:20270401T020000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Lớp\r\n',
        ) +
          ev(
            'UID:w\r\nRECURRENCE-ID:20270408T010000Z\r\nDTSTART:20270409T010000Z\r\nDTEND:20270409T020000Z\r\nSUMMARY:Lớp (dời)\r\n',
          ),
      ),
      opts,
    );
    expect(series?.sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-04-01T01:00:00.000Z',
      '2027-04-09T01:00:00.000Z',
      '2027-04-15T01:00:00.000Z',
    ]);
  });

  it('caps events and sessions, cleans control characters and ignores non-web links', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      ev(
        `UID:m${i}\r\nDTSTART:20270601T010000Z\r\nSUMMARY:Sự kiện\\n${i}\u0007\r\nURL:javascript:alert(1)\r\n`,
      ),
    ).join('');
    const events = parsePartnerCalendar(cal(many), { ...opts, maxEvents: 3 });
    expect(events).toHaveLength(3);
    expect(events[0]?.title).toBe('Sự kiện\n0');
    expect(events[0]?.url).toBeNull();
    const [daily] = parsePartnerCalendar(
      cal(ev('UID:d\r\nDTSTART:20270401T010000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Hằng ngày\r\n')),
      opts,
    );
    expect(daily?.sessions).toHaveLength(60);
  });

  it('refuses what is not an iCalendar file', () => {
    expect(() => parsePartnerCalendar('<html></html>', opts)).toThrow(PartnerCalendarError);
  });
});
