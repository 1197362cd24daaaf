// What other modules learn when a registered person is checked in: the learning record store writes an
// "attended" statement, and later a reading challenge may credit it. Listeners subscribe through the public
// surface (index.server.ts, `attendanceHooks`), so events never imports them; they run inside the check-in
// transaction, so the attendance and what the listeners write commit or fail together.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

export interface AttendanceRecorded {
  /** The learner whose record it is: the account holder, or the family member they registered. */
  learnerId: string;
  registrationId: string;
  eventId: string;
  eventTitle: string;
  category: string;
  unitId: string;
  placeId: string | null;
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date;
}

export type AttendanceListener = (
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  tx: Db,
  attendance: AttendanceRecorded,
) => Promise<void>;

const listeners = new Set<AttendanceListener>();

export const attendanceHooks = {
  /** Adds a listener (once per function); returns how to remove it. */
  subscribe(fn: AttendanceListener): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};

export async function notifyAttendance(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  tx: Db,
  a: AttendanceRecorded,
): Promise<void> {
  for (const fn of listeners) await fn(deps, tx, a);
}
