// Verified attendance counts towards the reading challenges the attendee joined (their time, no book): the
// learning module listens to the events module's check-ins (events never imports learning).
import type { AttendanceListener } from '../events/index.server.ts';
import { creditChallenges } from './index.server.ts';

export const creditAttendance: AttendanceListener = async (deps, tx, a) => {
  await creditChallenges(deps, tx, {
    learnerId: a.learnerId,
    source: 'event',
    sourceRef: `${a.registrationId}:${a.sessionId}`,
    title: a.eventTitle,
    at: a.checkedInAt,
    books: 0,
    minutes: Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000),
  });
};
