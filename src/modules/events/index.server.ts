// The events module's public surface: what other modules may use. Nothing else in src/modules/events is
// imported from outside it (other than by the module list and the pages).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import type { ExternalEventValues } from './external-events.repository.server.ts';
import { createEventFeedReadRepository } from './feeds-read.repository.server.ts';

export { EVENT_CATEGORIES } from './events.vocab.ts';
export {
  type OfflineCheckInSession,
  offlineCheckInSessions,
} from './events-attendance.usecases.server.ts';
export type { AttendanceListener, AttendanceRecorded } from './events-attendance-hooks.server.ts';
export type { RegistrationGuard } from './events-registration-guards.server.ts';
export type { ExternalEventValues } from './external-events.repository.server.ts';
export type { FeedFilter, FeedSession, MonthSession } from './feeds-read.repository.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

/** Write port for events copied from partner calendars (the community calendar, event-feeds). */
export const externalEvents = {
  /** Inserts or updates one copied event and its sessions (idempotent by subscription and UID); its id. */
  upsert: (deps: Repos, tx: Db, v: ExternalEventValues): Promise<string> =>
    deps.repos.externalEvents.upsert(tx, v),
  /** Marks the copied events the partner no longer lists as cancelled; how many. */
  cancelMissing: (
    deps: Repos,
    tx: Db,
    subscriptionId: string,
    keepUids: readonly string[],
  ): Promise<number> => deps.repos.externalEvents.cancelMissing(tx, subscriptionId, keepUids),
  /** Deletes every event copied from this partner calendar. */
  deleteFromSource: (deps: Repos, tx: Db, subscriptionId: string): Promise<void> =>
    deps.repos.externalEvents.deleteFromSource(tx, subscriptionId),
};

/**
 * Guest registrations made with a phone number or e-mail address a citizen has verified (the learners module
 * verifies them): how many there are, and moving them into the account. Phones in the national form the events
 * module stores (`0912345678`); e-mail addresses lower-case.
 */
export const registrationClaims = {
  claimable: (deps: Repos, db: Db, contacts: { phones: readonly string[]; emails: readonly string[] }) =>
    deps.repos.eventClaims.claimable(db, contacts.phones, contacts.emails),
  claim: (
    deps: Repos,
    db: Db,
    userId: string,
    contacts: { phones: readonly string[]; emails: readonly string[] },
  ): Promise<string[]> => deps.repos.eventClaims.claim(db, userId, contacts.phones, contacts.emails),
};

/** Read port: events other modules show or link to (paths, news, campaigns): title, status, unit. One query per list. */
export const eventsPort = {
  summaries: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.events.summaries(db, ids),
  recentOptions: (deps: Repos, db: Db, limit = 200) => deps.repos.events.recentOptions(db, limit),
};

/** Read port for attendance (the credentials module's award rules). */
export const attendancePort = {
  /** Signed-in people with at least `min` distinct events of `category` attended in [from, to). */
  attendeesByCategory: (
    deps: Repos,
    db: Db,
    q: { category: string; from: Date; to: Date; min: number; userIds?: readonly string[] },
  ): Promise<Array<{ userId: string; name: string; events: number }>> =>
    deps.repos.eventAttendance.attendeesByCategory(db, q),
};

const feedReads = createEventFeedReadRepository();

/**
 * Read port for the calendars and feeds (event-feeds) and follows: published sessions with their event, unit and
 * place; per-day counts; commemorative-day coverage; what a follow of an event matches. Needs no deps (like
 * `placeSummaries`): the SQL is the events module's own (feeds-read.repository.server.ts).
 */
export const eventFeedsPort = {
  sessions: feedReads.sessions,
  monthSessions: feedReads.monthSessions,
  eventTitle: feedReads.eventTitle,
  unitsWithEventsBetween: feedReads.unitsWithEventsBetween,
  followKeys: feedReads.followKeys,
  recentlyPublished: feedReads.recentlyPublished,
  summary: feedReads.summary,
};
