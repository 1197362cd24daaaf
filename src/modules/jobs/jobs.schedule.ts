// Which slot of a schedule is due at an instant. Each (kind, slot) becomes one job with a dedupe key, so
// however many server instances tick at the same time, the database lets exactly one of them enqueue it.
import { isoDateInVietnam, TIME_ZONE } from '../../lib/dates.ts';
import type { Schedule } from './jobs.types.ts';

const hm = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface DueSlot {
  dedupeKey: string;
  slot: string;
}

export function dueSlot(schedule: Schedule, now: Date): DueSlot | null {
  if (schedule.dailyAt) {
    const [h = 0, m = 0] = schedule.dailyAt.split(':').map(Number);
    const [nh = 0, nm = 0] = hm.format(now).split(':').map(Number);
    if (nh * 60 + nm < h * 60 + m) return null;
    const slot = isoDateInVietnam(now);
    return { dedupeKey: `schedule:${schedule.kind}@${slot}`, slot };
  }
  if (schedule.everyMinutes && schedule.everyMinutes > 0) {
    const ms = schedule.everyMinutes * 60_000;
    const slot = new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
    return { dedupeKey: `schedule:${schedule.kind}@${slot}`, slot };
  }
  return null;
}
