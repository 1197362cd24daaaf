// Follows: a signed-in person follows units, places or categories, sees upcoming events of what they follow,
// and is notified in the app when something they follow publishes a new event (from a job, once per event
// and person: dedupe keys on the job and on the notification).
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { eventFeedsPort, type FeedSession } from '../events/index.server.ts';
import type { Job } from '../jobs/jobs.repository.server.ts';
import { placesPort } from '../places/index.server.ts';
import { processingRestrictions } from '../privacy/index.server.ts';
import type { Follow } from './follows.repository.server.ts';
import type { FollowInput } from './follows.schemas.server.ts';

type FollowDeps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

function userOf(actor: Actor): string {
  authorize(actor, 'follows.follow.manage');
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'error.unauthenticated');
  return actor.userId;
}

export async function listFollows(deps: FollowDeps, actor: Actor): Promise<Follow[]> {
  return deps.repos.follows.list(deps.db, userOf(actor));
}

/** Following twice is harmless (answers `created: false`); an unknown unit or place is refused. */
export async function follow(
  deps: FollowDeps,
  actor: Actor,
  input: FollowInput,
): Promise<{ created: boolean }> {
  const userId = userOf(actor);
  if (input.kind === 'unit' && !(await deps.repos.follows.unitExists(deps.db, input.target))) {
    throw new AppError('follows.unknown_target', 422, 'follows.error.unknownTarget');
  }
  if (
    input.kind === 'place' &&
    (await placesPort.activeOptions(deps, deps.db, [input.target])).length === 0
  ) {
    throw new AppError('follows.unknown_target', 422, 'follows.error.unknownTarget');
  }
  return { created: await deps.repos.follows.add(deps.db, userId, input.kind, input.target) };
}

export async function unfollow(deps: FollowDeps, actor: Actor, followId: string): Promise<void> {
  const userId = userOf(actor);
  if (!(await deps.repos.follows.remove(deps.db, userId, followId))) {
    throw new AppError('follows.not_found', 404, 'error.notFound');
  }
}

export async function followOptions(deps: FollowDeps, actor: Actor) {
  userOf(actor);
  const [units, places] = await Promise.all([
    deps.repos.follows.unitOptions(deps.db, isoDateInVietnam(deps.now())),
    placesPort.activeOptions(deps, deps.db),
  ]);
  return { units, places: places.slice(0, 1000).map((p) => ({ id: p.id, name: p.name })) };
}

/** Upcoming sessions of what the actor follows (empty when they follow nothing). */
export async function myFollowedEvents(deps: FollowDeps, actor: Actor, limit = 100): Promise<FeedSession[]> {
  const userId = userOf(actor);
  const anyOf = await deps.repos.follows.targets(deps.db, userId);
  if (!anyOf.unitIds.length && !anyOf.placeIds.length && !anyOf.categories.length) return [];
  return eventFeedsPort.sessions(deps.db, { from: deps.now(), anyOf, limit });
}

// Jobs ------------------------------------------------------------------------------------------------------

export const FOLLOWS_SCAN_JOB = 'follows.scan';
export const FOLLOWS_NOTIFY_JOB = 'follows.notify';
/** How far back the scan looks; longer than any plausible runner outage, short enough to stay cheap. */
const SCAN_WINDOW_MS = 2 * 86_400_000;

/** Enqueues one notify job per recently published event; the dedupe key makes it once per event, ever. */
export async function scanNewEvents(deps: AppDeps): Promise<number> {
  const now = deps.now();
  const events = await eventFeedsPort.recentlyPublished(
    deps.db,
    new Date(now.getTime() - SCAN_WINDOW_MS),
    now,
    500,
  );
  let queued = 0;
  for (const e of events) {
    const id = await deps.repos.jobs.enqueue(deps.db, {
      kind: FOLLOWS_NOTIFY_JOB,
      payload: { eventId: e.id },
      dedupeKey: `${FOLLOWS_NOTIFY_JOB}:${e.id}`,
    });
    if (id) queued++;
  }
  return queued;
}

/** Notifies every follower of one event in the app; each (event, person) at most once. */
export async function notifyFollowers(deps: AppDeps, eventId: string): Promise<number> {
  const event = await eventFeedsPort.summary(deps.db, eventId);
  if (event?.status !== 'published') return 0;
  const keys = await eventFeedsPort.followKeys(deps.db, eventId);
  const followers = keys ? await deps.repos.follows.followersOf(deps.db, keys) : [];
  // Notices about new events are marketing: none for a person whose restriction or objection is in force.
  const restricted = await processingRestrictions.check(
    deps,
    followers.map((userId) => ({ userId })),
  );
  let sent = 0;
  await deps.db.transaction(async (tx) => {
    for (const userId of followers) {
      if (restricted({ userId })) continue;
      const id = await deps.repos.notifications.create(tx, {
        userId,
        kind: 'follows.new_event',
        messageKey: 'follows.notification.newEvent',
        params: { title: event.title, unit: event.unitName },
        link: `/events/${event.id}`,
        dedupeKey: `follows.new_event:${event.id}:${userId}`,
      });
      if (id) sent++;
    }
  });
  return sent;
}

export async function runFollowsScanJob(deps: AppDeps): Promise<void> {
  await scanNewEvents(deps);
}

export async function runFollowsNotifyJob(deps: AppDeps, job: Pick<Job, 'payload'>): Promise<void> {
  const eventId = (job.payload as { eventId?: unknown } | null)?.eventId;
  if (typeof eventId === 'string') await notifyFollowers(deps, eventId);
}
