import { describe, expect, it } from 'vitest';
import { COMMEMORATIVE_DAYS } from '../plan/commemorative-days.data.ts';
import { sessionRow } from './calendar.presenters.ts';
import {
  adjacentMonths,
  commemorativeOccurrences,
  monthGrid,
  monthRange,
  occurrenceRange,
  occurrencesOn,
} from './calendar.ts';
import type { FeedSession } from './feeds.repository.server.ts';

const rules = COMMEMORATIVE_DAYS.map((d) => ({
  code: d.code,
  name: d.name,
  month: d.month,
  day: d.day,
  endMonth: d.end?.month ?? null,
  endDay: d.end?.day ?? null,
}));

describe('month grid', () => {
  it('starts weeks on Monday and pads with the neighbouring months', () => {
    const weeks = monthGrid(2026, 4); // 1 April 2026 is a Wednesday
    expect(weeks[0]?.[0]).toEqual({ day: '2026-03-30', dayOfMonth: 30, inMonth: false });
    expect(weeks[0]?.[2]).toEqual({ day: '2026-04-01', dayOfMonth: 1, inMonth: true });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const inMonth = weeks.flat().filter((c) => c.inMonth);
    expect(inMonth).toHaveLength(30);
    expect(weeks.at(-1)?.at(-1)?.day).toBe('2026-05-03');
  });

  it('handles February in leap and common years and a month starting on Monday', () => {
    expect(
      monthGrid(2028, 2)
        .flat()
        .filter((c) => c.inMonth),
    ).toHaveLength(29);
    expect(
      monthGrid(2027, 2)
        .flat()
        .filter((c) => c.inMonth),
    ).toHaveLength(28);
    const june2026 = monthGrid(2026, 6); // 1 June 2026 is a Monday
    expect(june2026[0]?.[0]?.day).toBe('2026-06-01');
  });

  it('moves across year ends', () => {
    expect(adjacentMonths(2026, 12).next).toEqual({ year: 2027, month: 1 });
    expect(adjacentMonths(2026, 1).prev).toEqual({ year: 2025, month: 12 });
  });

  it('takes the month in Vietnam time: midnight is 17:00 UTC the day before', () => {
    const r = monthRange(2026, 10);
    expect(r.from.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-10-31T17:00:00.000Z');
  });
});

describe('commemorative days in a year', () => {
  it('lists the seven seeded days with the lifelong-learning week as 1–7 October', () => {
    const occ = commemorativeOccurrences(rules, 2027);
    expect(occ.map((o) => o.start)).toEqual([
      '2027-04-21',
      '2027-04-23',
      '2027-05-18',
      '2027-10-01',
      '2027-10-02',
      '2027-10-10',
      '2027-11-23',
    ]);
    const week = occ.find((o) => o.code === 'tuan-le-hoc-tap-suot-doi');
    expect(week).toMatchObject({ start: '2027-10-01', end: '2027-10-07' });
  });

  it('finds the week and Khuyến học day on 2 October, nothing on 8 October', () => {
    const occ = commemorativeOccurrences(rules, 2026);
    expect(occurrencesOn(occ, '2026-10-02').map((o) => o.code)).toEqual([
      'tuan-le-hoc-tap-suot-doi',
      'ngay-khuyen-hoc',
    ]);
    expect(occurrencesOn(occ, '2026-10-07').map((o) => o.code)).toEqual(['tuan-le-hoc-tap-suot-doi']);
    expect(occurrencesOn(occ, '2026-10-08')).toEqual([]);
  });

  it('covers whole Vietnam days for the week', () => {
    const week = commemorativeOccurrences(rules, 2026).find((o) => o.code === 'tuan-le-hoc-tap-suot-doi')!;
    const r = occurrenceRange(week);
    expect(r.from.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-10-07T17:00:00.000Z');
  });
});

describe('month view rows', () => {
  it('give the day and clock time in Vietnam as Intl’s Asia/Ho_Chi_Minh does, every 37 minutes of two years', () => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const session = (startsAt: Date): FeedSession =>
      ({ startsAt, endsAt: new Date(startsAt.getTime() + 95 * 60_000), source: 'local' }) as FeedSession;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 37 * 60_000 + 13_000) {
      const s = session(new Date(t));
      const row = sessionRow(s);
      expect(row.day).toBe(day.format(s.startsAt));
      expect(row.time).toBe(`${time.format(s.startsAt)}–${time.format(s.endsAt)}`);
    }
    // 17:30 UTC is already the next morning in Vietnam.
    expect(sessionRow(session(new Date('2027-04-20T17:30:00Z')))).toMatchObject({
      day: '2027-04-21',
      time: '00:30–02:05',
    });
  });
});
