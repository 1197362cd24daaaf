// Who may do what with reporting periods and submissions. A unit's staff fill in its form, its manager submits;
// the focal point (department officers) opens periods, returns or accepts submissions and generates the
// documents; the leadership reads everything. Unit-subtree scope: a unit sees only its own submissions.
import type { PermissionTable } from '../../lib/authz.ts';

export const reportPermissions = {
  'reports.period.read': {
    roles: ['unit_staff', 'unit_manager', 'department_officer', 'leader'],
    scope: 'any-grant',
  },
  'reports.period.manage': { roles: ['department_officer'], scope: 'any-grant' },
  'reports.submission.read': {
    roles: ['unit_staff', 'unit_manager', 'department_officer', 'leader'],
    scope: 'unit-subtree',
  },
  'reports.submission.edit': { roles: ['unit_staff', 'unit_manager'], scope: 'unit-subtree' },
  'reports.submission.submit': { roles: ['unit_manager'], scope: 'unit-subtree' },
  'reports.submission.review': { roles: ['department_officer'], scope: 'unit-subtree' },
  'reports.document.read': { roles: ['department_officer', 'leader'], scope: 'unit-subtree' },
  'reports.document.generate': { roles: ['department_officer'], scope: 'unit-subtree' },
} satisfies PermissionTable;
