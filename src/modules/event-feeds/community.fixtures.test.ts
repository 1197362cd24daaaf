// Recurring events in real iCalendar files (the ical.js test corpus, see fixtures/ical.js/README.md), read by
// the partner-calendar importer. The expected occurrences are worked out from RFC 5545 (RRULE, RDATE, EXDATE,
// RECURRENCE-ID) and the files' own time zones, not from our output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePartnerCalendar } from './community.parse.server.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/ical.js', name), 'utf8');
const opts = (now: string, pastDays = 30, horizonDays = 365) => ({
  now: new Date(now),
  pastDays,
  horizonDays,
  maxEvents: 500,
  maxSessionsPerEvent: 200,
});
const starts = (text: string, o: ReturnType<typeof opts>) =>
  parsePartnerCalendar(text, o).flatMap((e) => e.sessions.map((s) => s.startsAt.toISOString()));

describe('recurring events in public iCalendar files', () => {
  it('applies COUNT and a date-valued EXDATE (rdate_exdate.ics)', () => {
    expect(starts(fixture('rdate_exdate.ics'), opts('2024-06-01T00:00:00Z'))).toEqual([
      '2024-06-09T03:00:00.000Z',
      '2024-06-10T03:00:00.000Z',
      '2024-06-12T03:00:00.000Z',
    ]);
  });

  it('expands BYDAY=1TU until UNTIL and adds the RDATEs, across a DST change (recur_instances_finite.ics)', () => {
    const [event] = parsePartnerCalendar(fixture('recur_instances_finite.ics'), opts('2012-09-15T00:00:00Z'));
    expect(event?.sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2012-10-02T17:00:00.000Z', // first Tuesday of October, 10:00 PDT
      '2012-11-05T18:00:00.000Z', // RDATE, 10:00 PST
      '2012-11-06T18:00:00.000Z', // first Tuesday of November
      '2012-11-10T18:00:00.000Z', // RDATE
      '2012-12-04T18:00:00.000Z', // first Tuesday of December; January is after UNTIL
    ]);
    expect(event?.sessions.every((s) => +s.endsAt - +s.startsAt === 30 * 60_000)).toBe(true);
  });

  it('reaches today in an open-ended daily series started in 2012 (daily_recur.ics)', () => {
    const [event] = parsePartnerCalendar(fixture('daily_recur.ics'), opts('2026-12-04T00:00:00Z', 2, 5));
    // 05:00 in Los Angeles (PST in December) = 13:00 UTC, every day of the window.
    expect(event?.sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-02T13:00:00.000Z',
      '2026-12-03T13:00:00.000Z',
      '2026-12-04T13:00:00.000Z',
      '2026-12-05T13:00:00.000Z',
      '2026-12-06T13:00:00.000Z',
      '2026-12-07T13:00:00.000Z',
      '2026-12-08T13:00:00.000Z',
    ]);
  });

  it('moves overridden occurrences (RECURRENCE-ID) and drops EXDATEs (recur_instances.ics)', () => {
    const list = starts(fixture('recur_instances.ics'), opts('2012-09-15T00:00:00Z', 30, 150));
    expect(list).toEqual([
      '2012-10-02T22:00:00.000Z', // 2 Oct moved from 10:00 to 15:00 PDT
      '2012-11-06T18:00:00.000Z', // first Tuesday of November, 10:00 PST
      '2012-11-07T04:00:00.000Z', // the 5 Nov RDATE moved to 6 Nov 20:00 PST
      '2012-11-10T18:00:00.000Z', // RDATE
      '2012-11-30T18:00:00.000Z', // RDATE (second value of a list)
      // 4 Dec is an EXDATE
      '2013-01-01T18:00:00.000Z', // first Tuesday of January
      // 5 Feb is an EXDATE; the window ends 11 Feb
    ]);
  });
});
