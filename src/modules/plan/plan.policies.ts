import type { PermissionTable } from '../../lib/authz.ts';

// Reading the plan: the Department's offices, leadership and administrators see every task; unit staff and
// managers see the tasks their units (grant subtrees) lead or coordinate. `plan.task.read` lets a role in at
// all; `plan.task.read_all` lifts the unit filter. The finance office sees all tasks because it appraises
// the budget of each one.
export const planPermissions = {
  'plan.task.read': {
    roles: ['unit_staff', 'unit_manager', 'department_officer', 'finance_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'plan.task.read_all': {
    roles: ['department_officer', 'finance_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
} satisfies PermissionTable;
