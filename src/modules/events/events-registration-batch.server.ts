// Sign-ups for the same series event that arrive while its seat statement is under way go together in the next
// one (issue 17): one statement, one commit and one row lock of the seat counter for the whole group instead
// of one each. Profiled under a burst of 1,000 sign-ups, each statement costs the one Node thread its building,
// socket write and answer parsing, and the database a commit (WAL flush) under the counter's lock; grouped,
// the burst's ~1,000 seat statements become a few dozen. The first sign-up of a quiet moment goes alone, at
// once; nobody waits for a timer. Arrival order is kept: the group is registered in the order its sign-ups
// asked, seats to the longest prefix that fits. A group that fails (a double submit's unique violation, in the
// group or against an earlier registration) is registered one by one, in order, each with its own answer.
// Per-session events (seats per session) keep one statement per sign-up. EVENTS_SEAT_BATCH=off turns grouping
// off (the bench's A/B). Keyed by the database handle, so tests with their own databases never share anything.
import type { Db } from '../../db/client.server.ts';
import type { EventsDeps } from './events.usecases.server.ts';
import type { Registration, RegistrationValues } from './events-registrations.repository.server.ts';

type Deps = Pick<EventsDeps, 'db' | 'repos'>;

interface Waiting {
  v: RegistrationValues;
  resolve: (r: Registration | null) => void;
  reject: (e: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  running: boolean;
}

const queues = new WeakMap<Db, Map<string, Queue>>();
/** At most this many sign-ups in one statement. */
const BATCH = 200;

export const seatBatching = { enabled: process.env.EVENTS_SEAT_BATCH !== 'off' };

async function one(deps: Deps, w: Waiting): Promise<void> {
  try {
    w.resolve(await deps.repos.eventRegistrations.register(deps.db, w.v));
  } catch (e) {
    w.reject(e);
  }
}

async function drain(deps: Deps, key: string, map: Map<string, Queue>, q: Queue): Promise<void> {
  q.running = true;
  try {
    while (q.waiting.length > 0) {
      const group = q.waiting.splice(0, BATCH);
      if (group.length === 1) {
        await one(deps, group[0] as Waiting);
        continue;
      }
      let got: Array<Registration | null>;
      try {
        got = await deps.repos.eventRegistrationBatch.registerMany(
          deps.db,
          group.map((w) => w.v),
        );
      } catch {
        for (const w of group) await one(deps, w);
        continue;
      }
      group.forEach((w, i) => {
        w.resolve(got[i] ?? null);
      });
    }
  } finally {
    q.running = false;
    map.delete(key);
  }
}

/**
 * Takes the seat (or a waitlist place) and writes the registration, as `eventRegistrations.register` does,
 * grouped with the sign-ups for the same series event that ask while a statement for it is under way.
 */
export function registerGrouped(deps: Deps, v: RegistrationValues): Promise<Registration | null> {
  if (v.sessionId || !seatBatching.enabled) return deps.repos.eventRegistrations.register(deps.db, v);
  let map = queues.get(deps.db);
  if (!map) {
    map = new Map();
    queues.set(deps.db, map);
  }
  let q = map.get(v.eventId);
  if (!q) {
    q = { waiting: [], running: false };
    map.set(v.eventId, q);
  }
  const queue = q;
  const done = new Promise<Registration | null>((resolve, reject) =>
    queue.waiting.push({ v, resolve, reject }),
  );
  if (!queue.running) void drain(deps, v.eventId, map, queue);
  return done;
}
