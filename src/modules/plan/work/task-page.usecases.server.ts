// One page of the plan's task list, for the list page and GET /api/v1/plan/tasks (issue 17: the whole plan
// in every answer cost 37–47 KB and five statements a request; a page is one statement).
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { isoDateInVietnam } from '../../../lib/dates.ts';
import type { PlanTask, PlanTaskUnit } from '../plan.repository.server.ts';
import type { PlanTaskQuery } from '../plan.schemas.server.ts';
import { cachedJsonAnswer, type JsonAnswer } from './task-page-cache.server.ts';

type ReadDeps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

/** Tasks per page when the caller does not say (the page and the API alike); at most MAX. */
export const PLAN_TASK_PAGE_SIZE = 10;
export const PLAN_TASK_PAGE_SIZE_MAX = 100;

export interface PlanTaskPage {
  /** Tasks matching the filters, on all pages. */
  total: number;
  page: number;
  pageSize: number;
  /** Number of pages (at least 1, even when nothing matches). */
  pages: number;
  tasks: PlanTask[];
  /** The unit filter's options, when asked for. */
  units?: PlanTaskUnit[];
}

/** Authorises the read and answers the caller's scope (undefined = every task) and the clamped page. */
function readAccess(actor: Actor, paging: { page?: number | undefined; pageSize?: number | undefined }) {
  authorize(actor, 'plan.task.read');
  const scope = can(actor, 'plan.task.read_all') ? undefined : scopeRoots(actor, 'plan.task.read');
  const pageSize = Math.min(Math.max(1, paging.pageSize ?? PLAN_TASK_PAGE_SIZE), PLAN_TASK_PAGE_SIZE_MAX);
  return { scope, page: Math.max(1, paging.page ?? 1), pageSize };
}

export async function listPlanTaskPage(
  deps: ReadDeps,
  actor: Actor,
  filters: PlanTaskQuery,
  paging: { page?: number | undefined; pageSize?: number | undefined; withUnits?: boolean } = {},
): Promise<PlanTaskPage> {
  const { scope, page, pageSize } = readAccess(actor, paging);
  const rows = await deps.repos.planWorkQueries.taskPage(
    deps.db,
    { ...filters, today: isoDateInVietnam(deps.now()), scopeRoots: scope },
    { offset: (page - 1) * pageSize, limit: pageSize, withUnits: paging.withUnits ?? false },
  );
  return {
    total: rows.total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(rows.total / pageSize)),
    tasks: rows.tasks,
    ...(rows.units ? { units: rows.units } : {}),
  };
}

/**
 * The same page as GET /api/v1/plan/tasks answers it — `{ total, page, pageSize, pages, tasks }` with tasks as
 * `presentPlanTask` shapes them — as JSON text built by PostgreSQL in one named statement, to be written as is,
 * with its weak ETag. Same authorisation, scope, filters and paging as `listPlanTaskPage`; the text may come
 * from this process's memory (task-page-cache.server.ts), keyed by everything it depends on.
 */
export async function planTaskPageJson(
  deps: ReadDeps & Pick<AppDeps, 'dbh' | 'config' | 'logger'>,
  actor: Actor,
  filters: PlanTaskQuery,
  paging: { page?: number | undefined; pageSize?: number | undefined } = {},
): Promise<JsonAnswer> {
  const { scope, page, pageSize } = readAccess(actor, paging);
  const today = todayInVietnam(deps.now());
  const f = filters;
  const key = JSON.stringify([
    scope ? [...scope].sort() : null,
    f.phase,
    f.section,
    f.unit,
    f.year,
    f.q,
    f.status,
    f.overdue,
    page,
    pageSize,
    today,
  ]);
  return cachedJsonAnswer(deps, key, () =>
    deps.repos.planWorkQueries.taskPageJson(
      deps.db,
      { ...filters, today, scopeRoots: scope },
      page,
      pageSize,
    ),
  );
}

let memoHour = Number.NaN;
let memoDay = '';

/**
 * `isoDateInVietnam`, remembered for the current UTC hour (an Intl call per request showed in the API's
 * profile): Vietnam's day (UTC+7, no daylight saving) only changes on a whole UTC hour.
 */
function todayInVietnam(now: Date): string {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (hour !== memoHour) {
    memoDay = isoDateInVietnam(now);
    memoHour = hour;
  }
  return memoDay;
}
