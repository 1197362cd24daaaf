import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextStopOccurrences, type StopSchedule } from './places.schedule.ts';
import { addDays, isoWeekday, localNow } from './places.time.ts';

// 2026-04-20 is a Monday. 07:00 in Vietnam is 00:00 UTC.
const at = (iso: string) => new Date(iso);
const weekly = (id: string, weekday: number, starts = '08:00', ends = '10:00'): StopSchedule => ({
  id,
  placeId: `place-${id}`,
  weekday,
  dates: [],
  starts,
  ends,
});

describe('calendar helpers in Asia/Ho_Chi_Minh', () => {
  it('reads the Vietnamese day, not the UTC day, around midnight', () => {
    // 17:30 UTC on Sunday 19/4 is 00:30 on Monday 20/4 in Vietnam.
    expect(localNow(at('2026-04-19T17:30:00Z'))).toEqual({ day: '2026-04-20', weekday: 1, minutes: 30 });
    // 16:59 UTC is still 23:59 on Sunday.
    expect(localNow(at('2026-04-19T16:59:00Z'))).toEqual({ day: '2026-04-19', weekday: 7, minutes: 1439 });
  });

  it('counts ISO weekdays and crosses month, year and leap-day edges', () => {
    expect(isoWeekday('2026-04-20')).toBe(1);
    expect(isoWeekday('2026-04-26')).toBe(7);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('next mobile-library stops', () => {
  it('lists weekly stops in date and time order', () => {
    const stops = [
      weekly('b', 3, '14:00', '16:00'),
      weekly('a', 1, '08:00', '10:00'),
      weekly('c', 3, '08:00', '09:00'),
    ];
    const next = nextStopOccurrences(stops, [], at('2026-04-19T20:00:00Z'), { days: 7 }); // Mon 03:00
    expect(next.map((o) => `${o.day} ${o.starts} ${o.stopId}`)).toEqual([
      '2026-04-20 08:00 a',
      '2026-04-22 08:00 c',
      '2026-04-22 14:00 b',
      '2026-04-27 08:00 a',
    ]);
  });

  it('keeps a visit under way today and drops one already over', () => {
    const stops = [weekly('morning', 1, '07:00', '09:00'), weekly('noon', 1, '11:00', '13:00')];
    // Monday 12:00 in Vietnam.
    const next = nextStopOccurrences(stops, [], at('2026-04-20T05:00:00Z'), { days: 0 });
    expect(next.map((o) => o.stopId)).toEqual(['noon']);
  });

  it('uses the Vietnamese weekday when the server clock is still on the previous UTC day', () => {
    // 23:00 UTC Sunday = 06:00 Monday in Vietnam: the Monday stop is today, not in a week.
    const next = nextStopOccurrences([weekly('mon', 1)], [], at('2026-04-19T23:00:00Z'), { days: 0 });
    expect(next).toHaveLength(1);
    expect(next[0]?.day).toBe('2026-04-20');
  });

  it('runs dated stops only on their dates', () => {
    const dated: StopSchedule = {
      id: 'd',
      placeId: 'p',
      weekday: null,
      dates: ['2026-04-21', '2026-05-18', '2026-04-01'],
      starts: '15:00',
      ends: '17:00',
    };
    const next = nextStopOccurrences([dated], [], at('2026-04-20T01:00:00Z'), { days: 40 });
    expect(next.map((o) => o.day)).toEqual(['2026-04-21', '2026-05-18']);
  });

  it('shows a cancelled stop with its reason instead of hiding it', () => {
    const next = nextStopOccurrences(
      [weekly('a', 1)],
      [{ stopId: 'a', day: '2026-04-27', reason: 'Xe bảo dưỡng định kỳ' }],
      at('2026-04-20T05:00:00Z'),
      { days: 14 },
    );
    expect(next.map((o) => [o.day, o.cancelled, o.reason])).toEqual([
      ['2026-04-27', true, 'Xe bảo dưỡng định kỳ'],
      ['2026-05-04', false, null],
    ]);
  });

  it('stops at the limit', () => {
    const next = nextStopOccurrences(
      [1, 2, 3, 4, 5].map((d) => weekly(`s${d}`, d)),
      [],
      at('2026-04-19T20:00:00Z'),
      {
        days: 60,
        limit: 3,
      },
    );
    expect(next).toHaveLength(3);
  });
});

describe('next stops (properties)', () => {
  const time = fc.integer({ min: 0, max: 22 * 60 }).map((m) => {
    const h = String(Math.floor(m / 60)).padStart(2, '0');
    return `${h}:${String(m % 60).padStart(2, '0')}`;
  });
  const stop = fc.record({
    weekday: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
    dayOffsets: fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 1, maxLength: 4 }),
    starts: time,
    length: fc.integer({ min: 30, max: 120 }),
  });
  it('lists only scheduled days, in order, never a visit already over', () => {
    fc.assert(
      fc.property(
        fc.array(stop, { minLength: 1, maxLength: 6 }),
        fc.date({
          min: new Date('2025-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (raw, now) => {
          const today = localNow(now);
          const stops: StopSchedule[] = raw.map((s, i) => {
            const [h, m] = s.starts.split(':').map(Number) as [number, number];
            const endMin = Math.min(h * 60 + m + s.length, 23 * 60 + 59);
            const ends = `${String(Math.floor(endMin / 60)).padStart(2, '0')}:${String(endMin % 60).padStart(2, '0')}`;
            return {
              id: `s${i}`,
              placeId: `p${i}`,
              weekday: s.weekday,
              dates: s.weekday === null ? s.dayOffsets.map((o) => addDays(today.day, o)) : [],
              starts: s.starts,
              ends,
            };
          });
          const next = nextStopOccurrences(stops, [], now, { days: 28, limit: 100 });
          const byId = new Map(stops.map((s) => [s.id, s]));
          for (const o of next) {
            const s = byId.get(o.stopId) as StopSchedule;
            expect(o.day >= today.day && o.day <= addDays(today.day, 28)).toBe(true);
            expect(s.weekday !== null ? isoWeekday(o.day) === s.weekday : s.dates.includes(o.day)).toBe(true);
            if (o.day === today.day)
              expect(
                o.ends >
                  `${String(Math.floor(today.minutes / 60)).padStart(2, '0')}:${String(today.minutes % 60).padStart(2, '0')}`,
              ).toBe(true);
          }
          const keys = next.map((o) => `${o.day} ${o.starts} ${o.stopId}`);
          expect(keys).toEqual([...keys].sort());
          // A weekly stop appears four or five times in 29 days.
          for (const s of stops.filter((x) => x.weekday !== null)) {
            const n = next.filter((o) => o.stopId === s.id).length;
            expect(n).toBeGreaterThanOrEqual(4);
            expect(n).toBeLessThanOrEqual(5);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
