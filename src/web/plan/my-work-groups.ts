// "My work" as a person uses it (issue 19, item 8): what needs me now first — assigned to me, awaiting my
// approval, due this month — then everything else, paged. Each item sits in the first group it belongs to.
// Pure and client-safe: the page's loader hands in the items and today's date (Vietnam time).

export interface MyWorkRow {
  dueDate: string | null;
  state: string;
  /** Assigned to the signed-in person. */
  mine: boolean;
  /** The person is the one to act next on the report: the unit manager sends it, the focal point reviews it. */
  awaitingMe: boolean;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

export interface MyWorkGroups<T> {
  assigned: T[];
  approval: T[];
  thisMonth: T[];
  rest: Paged<T>;
}

export const REST_PAGE_SIZE = 10;

/** Overdue: due before today and not yet with the department or approved. */
export function isOverdue(row: Pick<MyWorkRow, 'dueDate' | 'state'>, today: string): boolean {
  return row.dueDate !== null && row.dueDate < today && row.state !== 'submitted' && row.state !== 'approved';
}

const byDue = <T extends MyWorkRow>(a: T, b: T) =>
  (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31');

export function groupMyWork<T extends MyWorkRow>(
  rows: readonly T[],
  today: string,
  page = 1,
  pageSize = REST_PAGE_SIZE,
): MyWorkGroups<T> {
  const month = today.slice(0, 7);
  const assigned: T[] = [];
  const approval: T[] = [];
  const thisMonth: T[] = [];
  const rest: T[] = [];
  for (const r of [...rows].sort(byDue)) {
    if (r.mine && r.state !== 'approved') assigned.push(r);
    else if (r.awaitingMe) approval.push(r);
    else if (r.dueDate?.startsWith(month) && r.state !== 'approved') thisMonth.push(r);
    else rest.push(r);
  }
  // The rest: the most recent due dates first (this year's before 2023's), undated last.
  rest.sort((a, b) => (b.dueDate ?? '0000').localeCompare(a.dueDate ?? '0000'));
  const pages = Math.max(1, Math.ceil(rest.length / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return {
    assigned,
    approval,
    thisMonth,
    rest: {
      items: rest.slice((current - 1) * pageSize, current * pageSize),
      page: current,
      pages,
      total: rest.length,
    },
  };
}
