import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './privacy.workdays.ts';

// Tết Bính Ngọ: Mùng 1 = 17/02/2026. The holiday set a test administrator confirmed: 16–20/02 (five days).
const TET_2026 = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
const HOLIDAYS = new Set([...TET_2026, '2026-01-01', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']);

describe('working-day deadlines', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-06', 2, HOLIDAYS)).toBe('2026-03-10'); // Friday → Tuesday
    expect(addWorkingDays('2026-03-09', 2, HOLIDAYS)).toBe('2026-03-11');
  });

  it('a request on the Friday before Tết is answered after the Tết holiday week', () => {
    // Fri 13/02 → Mon 16–Fri 20 are Tết, so 2 working days land on Tue 24/02.
    expect(addWorkingDays('2026-02-13', 2, HOLIDAYS)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 2, new Set())).toBe('2026-02-17');
  });

  it('a request received during Tết starts counting after it', () => {
    expect(addWorkingDays('2026-02-18', 1, HOLIDAYS)).toBe('2026-02-23');
    expect(isWorkingDay('2026-02-18', HOLIDAYS)).toBe(false);
  });

  it('15 working days across Tết and across 30/4–1/5', () => {
    expect(addWorkingDays('2026-02-10', 15, HOLIDAYS)).toBe('2026-03-10');
    expect(addWorkingDays('2026-04-24', 15, HOLIDAYS)).toBe('2026-05-19'); // Fri; Thu 30/4 and Fri 1/5 off
  });

  it('counts working days left, negative when overdue', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-24', HOLIDAYS)).toBe(2);
    expect(workingDaysBetween('2026-02-24', '2026-02-13', HOLIDAYS)).toBe(-2);
  });

  it('refuses a malformed day', () => {
    expect(() => addWorkingDays('13/02/2026', 2, HOLIDAYS)).toThrow();
  });
});
