// The public month view (published events of a Vietnam calendar month, commemorative days highlighted) and the
// focal point's commemorative-day overview (for each day of a year, which units have planned events).
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import type { EventCategory } from '../events/events.model.server.ts';
import { eventFeedsPort, type MonthSession } from '../events/index.server.ts';
import { listCommemorativeDays } from '../plan/index.server.ts';
import {
  type CommemorativeOccurrence,
  commemorativeOccurrences,
  isoDay,
  monthRange,
  occurrenceRange,
} from './calendar.ts';

type CalendarDeps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'now' | 'logger'>;

/**
 * Sessions the whole-month view lists per day (the grid's cell and the list below it show the same ones); a busier
 * day links its full list. Capped per day, not per month (issue 17): a month of 10,000 events renders at most
 * ~31 × 3 rows instead of its first 100 sessions (the first few days of the month only), so every day shows.
 */
export const PER_DAY = 3;
/** Most sessions one day's own list shows; a busier day says so. */
export const DAY_LIMIT = 100;

export interface MonthView {
  year: number;
  month: number;
  /** The day listed alone ('YYYY-MM-DD'), or null for the whole month. */
  day: string | null;
  /** The first PER_DAY sessions of each start day, and the listed day's up to DAY_LIMIT, by start time. */
  sessions: MonthSession[];
  /** The listed day has more than DAY_LIMIT sessions. */
  truncated: boolean;
  /** Published sessions per day of the month (all of them, not only those listed). */
  counts: Record<string, number>;
  occurrences: CommemorativeOccurrence[];
}

async function occurrencesOf(deps: CalendarDeps, year: number): Promise<CommemorativeOccurrence[]> {
  const rules = await listCommemorativeDays(deps);
  return commemorativeOccurrences(rules, year);
}

export async function monthView(
  deps: CalendarDeps,
  _actor: Actor,
  q: { year: number; month: number; day?: string | undefined; category?: EventCategory | undefined },
): Promise<MonthView> {
  const { from, to } = monthRange(q.year, q.month);
  const day = q.day && q.day.slice(0, 7) === isoDay(q.year, q.month, 1).slice(0, 7) ? q.day : null;
  const [{ sessions, counts }, occurrences] = await Promise.all([
    eventFeedsPort.monthSessions(deps.db, {
      from,
      to,
      category: q.category,
      perDay: PER_DAY,
      day,
      dayLimit: DAY_LIMIT,
    }),
    occurrencesOf(deps, q.year),
  ]);
  const countOf = Object.fromEntries(counts.map((c) => [c.day, c.n]));
  return {
    year: q.year,
    month: q.month,
    day,
    sessions,
    truncated: day ? (countOf[day] ?? 0) > DAY_LIMIT : false,
    counts: countOf,
    occurrences,
  };
}

export interface UnitCoverage {
  unitId: string;
  code: string;
  name: string;
  events: number;
  published: number;
}

export interface CommemorativeDayCoverage {
  occurrence: CommemorativeOccurrence;
  withEvents: UnitCoverage[];
  withoutEvents: Array<{ unitId: string; code: string; name: string }>;
}

/** For each commemorative day of `year`: the units with planned (draft or published) events, and the rest. */
export async function commemorativeOverview(
  deps: CalendarDeps,
  actor: Actor,
  year: number,
): Promise<CommemorativeDayCoverage[]> {
  authorize(actor, 'eventFeeds.commemorative.read');
  const [occurrences, units] = await Promise.all([
    occurrencesOf(deps, year),
    deps.repos.eventFeeds.eventHoldingUnits(deps.db, isoDateInVietnam(deps.now())),
  ]);
  return Promise.all(
    occurrences.map(async (occurrence) => {
      const { from, to } = occurrenceRange(occurrence);
      const counts = new Map(
        (await eventFeedsPort.unitsWithEventsBetween(deps.db, from, to)).map((c) => [c.unitId, c]),
      );
      const withEvents: UnitCoverage[] = [];
      const withoutEvents: CommemorativeDayCoverage['withoutEvents'] = [];
      for (const u of units) {
        const c = counts.get(u.id);
        if (c)
          withEvents.push({
            unitId: u.id,
            code: u.code,
            name: u.name,
            events: c.events,
            published: c.published,
          });
        else withoutEvents.push({ unitId: u.id, code: u.code, name: u.name });
      }
      return { occurrence, withEvents, withoutEvents };
    }),
  );
}
