import type { PermissionTable } from '../../lib/authz.ts';

// Reading the plan: the Department's offices, leadership and administrators see every task; unit staff and
// managers see the tasks their units (grant subtrees) lead or coordinate. `plan.task.read` lets a role in at
// all; `plan.task.read_all` lifts the unit filter. The finance office sees all tasks because it appraises
// the budget of each one.
//
// Live work (issue 3): a unit's report on an instance is read and written by the unit's own people
// (`unit-subtree` on the report's unit), so staff of one unit never see another unit's progress. The focal
// point (Phòng QLVH&GĐ, department_officer) steers the whole plan: tasks, assignments, due dates, review.
// Its grant sits on its own office, not above the units it steers, hence `any-grant` for those actions.
// Leaders read everything and may comment; finance and administrators read everything.
export const planPermissions = {
  'plan.task.read': {
    roles: ['unit_staff', 'unit_manager', 'department_officer', 'finance_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'plan.task.read_all': {
    roles: ['department_officer', 'finance_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'plan.task.manage': { roles: ['department_officer'], scope: 'any-grant' },
  'plan.instance.assign': { roles: ['department_officer'], scope: 'any-grant' },
  'plan.report.read': { roles: ['unit_staff', 'unit_manager'], scope: 'unit-subtree' },
  'plan.report.read_all': {
    roles: ['department_officer', 'finance_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'plan.report.update': { roles: ['unit_staff', 'unit_manager'], scope: 'unit-subtree' },
  'plan.report.submit': { roles: ['unit_manager'], scope: 'unit-subtree' },
  'plan.report.review': { roles: ['department_officer'], scope: 'any-grant' },
  'plan.comment.create': { roles: ['department_officer', 'leader'], scope: 'any-grant' },
} satisfies PermissionTable;
