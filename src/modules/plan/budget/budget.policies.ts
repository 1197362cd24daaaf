import type { PermissionTable } from '../../../lib/authz.ts';

// The plan's budget (Phòng Kế hoạch – Tài chính appraises, units estimate).
// - Unit staff and managers read and enter the estimate lines of units in their grant subtrees, and only for
//   tasks those units lead or coordinate (the use case checks the task's units).
// - The finance office appraises every line (approved amount, comment) and records what was spent with its
//   accounting document: it holds the department's purse, so its grant covers every unit (`any-grant`).
// - The focal point, leadership and administrators read everything; they change nothing here.
export const planBudgetPermissions = {
  'plan.budget.read': {
    roles: ['unit_staff', 'unit_manager', 'department_officer', 'finance_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'plan.budget.read_all': {
    roles: ['department_officer', 'finance_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'plan.budget.estimate': { roles: ['unit_staff', 'unit_manager'], scope: 'unit-subtree' },
  'plan.budget.appraise': { roles: ['finance_officer'], scope: 'any-grant' },
  'plan.budget.spend': { roles: ['finance_officer'], scope: 'any-grant' },
} satisfies PermissionTable;
