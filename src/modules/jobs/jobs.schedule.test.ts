import { describe, expect, it } from 'vitest';
import { dueSlot } from './jobs.schedule.ts';

describe('dueSlot', () => {
  it('uses the Vietnam calendar day for daily schedules', () => {
    // 17:30 UTC on 1 March is 00:30 on 2 March in Vietnam.
    expect(dueSlot({ kind: 'k', dailyAt: '00:15' }, new Date('2026-03-01T17:30:00Z'))).toEqual({
      dedupeKey: 'schedule:k@2026-03-02',
      slot: '2026-03-02',
    });
    expect(dueSlot({ kind: 'k', dailyAt: '07:00' }, new Date('2026-03-01T17:30:00Z'))).toBeNull();
  });
  it('cuts time into fixed slots for minute schedules', () => {
    const a = dueSlot({ kind: 'k', everyMinutes: 15 }, new Date('2026-03-01T10:14:59Z'));
    const b = dueSlot({ kind: 'k', everyMinutes: 15 }, new Date('2026-03-01T10:00:00Z'));
    const c = dueSlot({ kind: 'k', everyMinutes: 15 }, new Date('2026-03-01T10:15:00Z'));
    expect(a?.dedupeKey).toBe(b?.dedupeKey);
    expect(c?.dedupeKey).not.toBe(a?.dedupeKey);
  });
  it('ignores a schedule without a rule', () => {
    expect(dueSlot({ kind: 'k' }, new Date())).toBeNull();
  });
});
