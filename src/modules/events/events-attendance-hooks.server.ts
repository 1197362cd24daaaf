// What other modules learn when a registered person is checked in: the learning record store writes an
// "attended" statement, and a reading challenge credits it. Listeners are descriptor contributions
// (`attendanceListeners` in a module's descriptor, collected by src/app/registries.server.ts), so events never
// imports them and nothing subscribes as a module loads; they run inside the check-in transaction, so the
// attendance and what the listeners write commit or fail together.
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

/** Listeners added while the process runs (tests), after the modules' own. */
const listeners = new Set<AttendanceListener>();

export const attendanceHooks = {
  /** Adds a run-time listener (once per function); returns how to remove it. */
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
  // Read when called, not when this file loads: the registry loads every module, events among them.
  const { attendanceListeners } = await import('../../app/registries.server.ts');
  for (const fn of attendanceListeners) await fn(deps, tx, a);
  for (const fn of listeners) await fn(deps, tx, a);
}
