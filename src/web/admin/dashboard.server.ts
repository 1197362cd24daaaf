// What the back-office dashboard shows each person (issue 19, item 9), each part only to whoever may see it:
// my open plan work and deadlines, my unit's progress this year, this week's events with registrations,
// background jobs needing attention, and for the focal point the units behind schedule.
import type { AppDeps } from '../../app/deps.types.ts';
import { modules } from '../../app/modules.server.ts';
import { can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam, yearInVietnam } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import type { PublicListQuery } from '../../modules/events/events.schemas.server.ts';
import { listPublicSessions } from '../../modules/events/events.usecases.server.ts';
import { listRecentJobs } from '../../modules/jobs/jobs.usecases.server.ts';
import { PROGRAM_YEARS } from '../../modules/plan/plan.model.ts';
import {
  defaultOverviewUnit,
  getUnitOverview,
} from '../../modules/plan/timeline/overview.usecases.server.ts';
import { myWorkRows } from '../plan/my-work.server.ts';
import { groupMyWork } from '../plan/my-work-groups.ts';
import { jobKindKey } from './job-kinds.server.ts';

const DAY_MS = 86_400_000;

/** Monday 00:00 to next Monday 00:00, Vietnam time, around `now`. */
export function weekAround(now: Date): { from: Date; to: Date; fromDay: string; toDay: string } {
  const today = isoDateInVietnam(now);
  const midnight = new Date(`${today}T00:00:00+07:00`);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = new Date(midnight.getTime() - weekday * DAY_MS);
  const to = new Date(from.getTime() + 7 * DAY_MS);
  return {
    from,
    to,
    fromDay: isoDateInVietnam(from),
    toDay: isoDateInVietnam(new Date(to.getTime() - DAY_MS)),
  };
}

interface UnitProgress {
  unitId: string;
  unitName: string;
  total: number;
  approved: number;
  submitted: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

function progressOf(
  unit: { id: string; name: string },
  rows: ReadonlyArray<{ reportState: string | null; reportStatus: string | null; dueDate: string | null }>,
  today: string,
): UnitProgress {
  const state = (r: (typeof rows)[number]) => r.reportState ?? 'draft';
  return {
    unitId: unit.id,
    unitName: unit.name,
    total: rows.length,
    approved: rows.filter((r) => state(r) === 'approved').length,
    submitted: rows.filter((r) => state(r) === 'submitted').length,
    inProgress: rows.filter(
      (r) => r.reportStatus === 'in_progress' && !['approved', 'submitted'].includes(state(r)),
    ).length,
    notStarted: rows.filter(
      (r) => (r.reportStatus ?? 'not_started') === 'not_started' && state(r) !== 'approved',
    ).length,
    overdue: rows.filter(
      (r) => r.dueDate !== null && r.dueDate < today && !['approved', 'submitted'].includes(state(r)),
    ).length,
  };
}

/** What the registers (inspections …) ask this person to act on, from the modules' `workItems`, overdue first. */
export async function workItemsFor(deps: AppDeps, actor: Actor) {
  const items = [];
  for (const m of modules) if (m.workItems) items.push(...(await m.workItems(deps, actor)));
  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
}

export async function dashboardFor(deps: AppDeps, actor: Actor) {
  const now = deps.now();
  const today = isoDateInVietnam(now);
  const year = Math.min(PROGRAM_YEARS.to, Math.max(PROGRAM_YEARS.from, yearInVietnam(now)));
  const readsPlan = can(actor, 'plan.task.read');

  const work = readsPlan ? await myWorkRows(deps, actor) : null;
  const grouped = work ? groupMyWork(work.rows, today) : null;
  const next = grouped ? [...grouped.assigned, ...grouped.approval, ...grouped.thisMonth].slice(0, 5) : [];

  let unit: UnitProgress | null = null;
  let behind: UnitProgress[] | null = null;
  if (readsPlan) {
    const unitId = await defaultOverviewUnit(deps, actor);
    if (unitId) {
      const o = await getUnitOverview(deps, actor, unitId, year);
      unit = progressOf(o.unit, o.instances, today);
      // The focal point (who reviews every unit's reports) sees the units with overdue parts, worst first.
      if (can(actor, 'plan.report.review') && can(actor, 'plan.task.read_all')) {
        const all = await Promise.all(
          o.units.map(async (u) =>
            progressOf(u, (await getUnitOverview(deps, actor, u.id, year)).instances, today),
          ),
        );
        behind = all.filter((p) => p.overdue > 0).sort((a, b) => b.overdue - a.overdue || b.total - a.total);
      }
    }
  }

  let events: Array<{
    eventId: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    confirmed: number;
    capacity: number | null;
    place: string | null;
  }> | null = null;
  if (scopeRoots(actor, 'events.event.read').length > 0) {
    const week = weekAround(now);
    const sessions = await listPublicSessions(
      deps,
      { from: week.fromDay, to: week.toDay } satisfies PublicListQuery,
      200,
    );
    events = sessions
      .filter((s) => !s.cancelled && can(actor, 'events.event.read', { unitId: s.event.unitId }))
      .map((s) => ({
        eventId: s.event.id,
        title: s.event.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        // Per-session seats: this session's; a series: the event's.
        confirmed:
          s.event.capacity !== null && s.seatsLeft !== null
            ? s.event.capacity - s.seatsLeft
            : s.event.confirmedSeats,
        capacity: s.event.capacity,
        place: s.event.place?.name ?? null,
      }));
  }

  let jobs: {
    failed: number;
    queued: number;
    recentFailed: Array<{ id: string; kind: string; kindLabel: MessageKey; at: Date; error: string | null }>;
  } | null = null;
  try {
    const recent = await listRecentJobs(deps, actor, 200);
    const failed = recent.filter((j) => j.status === 'failed');
    jobs = {
      failed: failed.length,
      queued: recent.filter((j) => j.status === 'queued' && j.runAt < now).length,
      recentFailed: failed.slice(0, 5).map((j) => ({
        id: j.id,
        kind: j.kind,
        kindLabel: jobKindKey(j.kind),
        at: j.finishedAt ?? j.createdAt,
        error: j.lastError,
      })),
    };
  } catch {
    jobs = null; // not an administrator of the queue
  }

  return {
    year,
    today,
    counts: grouped
      ? {
          assigned: grouped.assigned.length,
          approval: grouped.approval.length,
          thisMonth: grouped.thisMonth.length,
          overdue: work?.rows.filter((r) => r.overdue).length ?? 0,
        }
      : null,
    next,
    unit,
    behind,
    events,
    jobs,
    registers: await workItemsFor(deps, actor),
  };
}
