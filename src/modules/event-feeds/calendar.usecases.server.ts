// The public month view (published events of a Vietnam calendar month, commemorative days highlighted) and the
// focal point's commemorative-day overview (for each day of a year, which units have planned events).
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import type { EventCategory } from '../events/events.model.server.ts';
import { eventFeedsPort, type FeedSession } from '../events/index.server.ts';
import {
  type CommemorativeOccurrence,
  commemorativeOccurrences,
  dayRange,
  isoDay,
  monthRange,
  occurrenceRange,
} from './calendar.ts';

type CalendarDeps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

/** Most sessions one month view lists; a busier month lists its first ones and links each day's full list. */
// 100, not 200: the list is what the page spends its time rendering (issue 17, month view p99 < 100 ms with
// 10,000 events); a busier month says so and links each day's full list from the grid.
export const MONTH_LIMIT = 100;

export interface MonthView {
  year: number;
  month: number;
  /** The day listed alone ('YYYY-MM-DD'), or null for the whole month. */
  day: string | null;
  sessions: FeedSession[];
  truncated: boolean;
  /** Published sessions per day of the month (all of them, not only those listed). */
  counts: Record<string, number>;
  occurrences: CommemorativeOccurrence[];
}

async function occurrencesOf(deps: CalendarDeps, year: number): Promise<CommemorativeOccurrence[]> {
  const rules = await deps.repos.plan.listCommemorativeDays(deps.db);
  return commemorativeOccurrences(rules, year);
}

export async function monthView(
  deps: CalendarDeps,
  _actor: Actor,
  q: { year: number; month: number; day?: string | undefined; category?: EventCategory | undefined },
): Promise<MonthView> {
  const { from, to } = monthRange(q.year, q.month);
  const day = q.day && q.day.slice(0, 7) === isoDay(q.year, q.month, 1).slice(0, 7) ? q.day : null;
  const list = day ? dayRange(day) : { from, to };
  const [sessions, counts, occurrences] = await Promise.all([
    eventFeedsPort.sessions(deps.db, { ...list, category: q.category, limit: MONTH_LIMIT + 1 }),
    eventFeedsPort.countsByDay(deps.db, { from, to, category: q.category }),
    occurrencesOf(deps, q.year),
  ]);
  return {
    year: q.year,
    month: q.month,
    day,
    sessions: sessions.slice(0, MONTH_LIMIT),
    truncated: sessions.length > MONTH_LIMIT,
    counts: Object.fromEntries(counts.map((c) => [c.day, c.n])),
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
