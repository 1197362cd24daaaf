import { describe, expect, it } from 'vitest';
import {
  type HoursException,
  type HoursInterval,
  openingStatus,
  overlappingWeekday,
  upcomingExceptions,
} from './places.hours.ts';

// Monday to Friday 07:30–11:30 and 13:30–17:00; Saturday morning; closed on Sunday.
const weekly: HoursInterval[] = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '07:30', closes: '11:30' },
    { weekday, opens: '13:30', closes: '17:00' },
  ]),
  { weekday: 6, opens: '08:00', closes: '11:00' },
];
// Vietnam is UTC+7: local HH:MM on 2026-04-20 (a Monday) is (HH-7):MM UTC.
const vn = (day: string, time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), h - 7, m),
  );
};

describe('opening status', () => {
  it('is open inside an interval, with its closing time', () => {
    expect(openingStatus(weekly, [], vn('2026-04-20', '09:00'))).toMatchObject({
      state: 'open',
      closesAt: '11:30',
    });
  });

  it('is closed over lunch and opens again the same afternoon', () => {
    expect(openingStatus(weekly, [], vn('2026-04-20', '12:00'))).toMatchObject({
      state: 'closed',
      next: { day: '2026-04-20', opens: '13:30' },
    });
  });

  it('treats the closing minute as closed', () => {
    expect(openingStatus(weekly, [], vn('2026-04-20', '17:00')).state).toBe('closed');
  });

  it('after Saturday closing, opens next on Monday', () => {
    expect(openingStatus(weekly, [], vn('2026-04-25', '11:05'))).toMatchObject({
      state: 'closed',
      next: { day: '2026-04-27', opens: '07:30' },
    });
  });

  it('follows an exception: closed on a holiday that falls on a weekday', () => {
    const holiday: HoursException = {
      day: '2026-04-30',
      closed: true,
      opens: null,
      closes: null,
      note: 'Ngày Giải phóng miền Nam',
    };
    const s = openingStatus(weekly, [holiday], vn('2026-04-30', '09:00'));
    expect(s.state).toBe('closed');
    expect(s.today.exception?.note).toBe('Ngày Giải phóng miền Nam');
    expect(s.state === 'closed' && s.next).toEqual({ day: '2026-05-01', opens: '07:30' });
  });

  it('follows an exception: special hours on a usually closed Sunday (Book Day)', () => {
    const bookDay: HoursException = {
      day: '2026-04-19',
      closed: false,
      opens: '07:00',
      closes: '21:00',
      note: null,
    };
    expect(openingStatus(weekly, [bookDay], vn('2026-04-19', '20:00'))).toMatchObject({
      state: 'open',
      closesAt: '21:00',
    });
  });

  it('is unknown when no hours are recorded', () => {
    expect(openingStatus([], [], vn('2026-04-20', '09:00')).state).toBe('unknown');
  });

  it('lists upcoming exceptions in order and leaves past ones out', () => {
    const ex = (day: string): HoursException => ({
      day,
      closed: true,
      opens: null,
      closes: null,
      note: null,
    });
    expect(
      upcomingExceptions([ex('2026-05-01'), ex('2026-04-01'), ex('2026-04-30')], '2026-04-20').map(
        (e) => e.day,
      ),
    ).toEqual(['2026-04-30', '2026-05-01']);
  });

  it('finds overlapping intervals on the same weekday', () => {
    expect(overlappingWeekday(weekly)).toBeNull();
    expect(overlappingWeekday([...weekly, { weekday: 3, opens: '11:00', closes: '12:00' }])).toBe(3);
  });
});
