// The first producer of platform statements: a check-in at an event becomes "attended" on the learner's
// record. lrs subscribes to the events module's attendance hook (events never imports lrs); the statement is
// written in the check-in transaction, with the session's length as duration.
import type { AttendanceListener } from '../events/index.server.ts';
import { lrsPort } from './index.server.ts';
import { RECORD_CATEGORIES, type RecordCategory } from './lrs.vocab.ts';

export const recordAttendance: AttendanceListener = async (deps, tx, a) => {
  const category = (RECORD_CATEGORIES as readonly string[]).includes(a.category)
    ? (a.category as RecordCategory)
    : 'other';
  await lrsPort.recordActivity(deps, tx, {
    sourceKey: `events.attendance:${a.registrationId}:${a.sessionId}`,
    learnerId: a.learnerId,
    verb: 'attended',
    activity: {
      id: `${deps.config.publicUrl}/events/${a.eventId}`,
      name: a.eventTitle,
      type: 'http://adlnet.gov/expapi/activities/meeting',
    },
    at: a.checkedInAt,
    unitId: a.unitId,
    placeId: a.placeId,
    category,
    durationSeconds: Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 1000),
  });
};
