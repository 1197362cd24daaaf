// Reads of the registration hot path shared by simultaneous sign-ups (issue 17). Profiled under a burst of 1,000
// registrations, the process's one thread was busy 96 % of the time and the database waited for it: each
// statement costs Node CPU (building it, the socket write, parsing the answer) whatever the database does. So:
//
//  - the registration facts of an event (one row: status, window, capacity, sessions) are read once for all the
//    sign-ups that ask while a read of the same event is under way: they get the answer of that read, which
//    the database gave no earlier than their own read would have been sent (the sign-ups check those facts
//    and then take a seat in a later statement either way);
//  - waitlist places are asked for in batches: one statement at a time per database, with every registration
//    that asked while it ran going in the next one. Each place is still computed after that registration's
//    own statement committed, as before, and means the same (events-registration-reads.repository.server.ts).
//
// Keyed by the database handle, so tests with their own databases never share anything.
import type { Db } from '../../db/client.server.ts';
import type { RegistrationEvent, SessionRecord } from './events.repository.server.ts';
import type { EventsDeps } from './events.usecases.server.ts';
import type { Registration } from './events-registrations.repository.server.ts';

export interface RegistrationFacts {
  event: RegistrationEvent;
  sessions: SessionRecord[];
}

type Deps = Pick<EventsDeps, 'db' | 'repos'>;

const factsInFlight = new WeakMap<Db, Map<string, Promise<RegistrationFacts | null>>>();

/**
 * The event's registration facts, read by the database (never kept after the read ends). The objects are
 * shared between the sign-ups that asked together: read them, never change them.
 */
export function registrationFacts(deps: Deps, eventId: string): Promise<RegistrationFacts | null> {
  let reads = factsInFlight.get(deps.db);
  if (!reads) {
    reads = new Map();
    factsInFlight.set(deps.db, reads);
  }
  const running = reads.get(eventId);
  if (running) return running;
  const map = reads;
  const read = deps.repos.events.registrationFacts(deps.db, eventId).finally(() => map.delete(eventId));
  map.set(eventId, read);
  return read;
}

interface Waiting {
  id: string;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
}

interface PositionQueue {
  waiting: Waiting[];
  running: boolean;
}

const positionQueues = new WeakMap<Db, PositionQueue>();
/** At most this many registrations in one statement. */
const BATCH = 500;

async function drain(deps: Deps, queue: PositionQueue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, BATCH);
      try {
        const places = await deps.repos.eventRegistrationReads.waitlistPositions(
          deps.db,
          batch.map((w) => w.id),
        );
        for (const w of batch) w.resolve(places.get(w.id) ?? 0);
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
  } finally {
    queue.running = false;
  }
}

/** 1-based place of a waitlisted registration, computed now (batched with others asking at the same time). */
export function waitlistPlace(deps: Deps, r: Registration): Promise<number> {
  let queue = positionQueues.get(deps.db);
  if (!queue) {
    queue = { waiting: [], running: false };
    positionQueues.set(deps.db, queue);
  }
  const q = queue;
  const place = new Promise<number>((resolve, reject) => q.waiting.push({ id: r.id, resolve, reject }));
  if (!q.running) void drain(deps, q);
  return place;
}
