import { describe, expect, it } from 'vitest';
import { groupMyWork, isOverdue, type MyWorkRow } from './my-work-groups.ts';

const row = (id: string, over: Partial<MyWorkRow> = {}) => ({
  id,
  dueDate: '2024-06-30',
  state: 'draft',
  mine: false,
  awaitingMe: false,
  ...over,
});
const TODAY = '2026-12-04';

describe('My work, grouped by what needs me now', () => {
  it('puts my assignments first, then what awaits my approval, then what is due this month', () => {
    const g = groupMyWork(
      [
        row('old'),
        row('mine', { mine: true, dueDate: '2026-12-31' }),
        row('approve', { state: 'submitted', awaitingMe: true, dueDate: '2025-01-01' }),
        row('december', { dueDate: '2026-12-20' }),
        row('mine-and-awaiting', { mine: true, awaitingMe: true }),
      ],
      TODAY,
    );
    expect(g.assigned.map((r) => r.id)).toEqual(['mine-and-awaiting', 'mine']);
    expect(g.approval.map((r) => r.id)).toEqual(['approve']);
    expect(g.thisMonth.map((r) => r.id)).toEqual(['december']);
    expect(g.rest.items.map((r) => r.id)).toEqual(['old']);
  });

  it('pages the rest, newest due dates first, and clamps a page out of range', () => {
    const rows = Array.from({ length: 41 }, (_, i) =>
      row(`r${i}`, { dueDate: `20${23 + (i % 4)}-0${1 + (i % 9)}-15` }),
    );
    const first = groupMyWork(rows, TODAY, 1);
    expect(first.rest.total).toBe(41);
    expect(first.rest.pages).toBe(5);
    expect(first.rest.items).toHaveLength(10);
    expect(first.rest.items[0]?.dueDate?.startsWith('2026')).toBe(true);
    expect(groupMyWork(rows, TODAY, 99).rest.page).toBe(5);
    expect(groupMyWork(rows, TODAY, Number.NaN).rest.page).toBe(1);
    expect(groupMyWork(rows, TODAY, 5).rest.items).toHaveLength(1);
  });

  it('flags as overdue only what is past due and not yet with the department', () => {
    expect(isOverdue(row('a', { dueDate: '2026-12-03' }), TODAY)).toBe(true);
    expect(isOverdue(row('b', { dueDate: '2026-12-04' }), TODAY)).toBe(false);
    expect(isOverdue(row('c', { dueDate: '2020-01-01', state: 'submitted' }), TODAY)).toBe(false);
    expect(isOverdue(row('d', { dueDate: null }), TODAY)).toBe(false);
  });
});
