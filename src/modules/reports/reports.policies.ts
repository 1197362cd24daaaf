// Who may do what with reporting periods and submissions. A unit's staff fill in its form, its manager submits
// (unit subtree: a unit sees only its own submissions); the focal point (department officers) opens periods,
// returns or accepts submissions and generates the documents; the leadership reads everything. The focal
// point's and leadership's grants sit on their own office, not above the units: `any-grant` for those actions.
import type { PermissionTable } from '../../lib/authz.ts';

const UNIT = ['unit_staff', 'unit_manager'] as const;
const OVERSIGHT = ['department_officer', 'leader'] as const;

export const reportPermissions = {
  'reports.period.read': { roles: [...UNIT, ...OVERSIGHT], scope: 'any-grant' },
  'reports.period.manage': { roles: ['department_officer'], scope: 'any-grant' },
  'reports.submission.read': { roles: UNIT, scope: 'unit-subtree' },
  'reports.submission.readAll': { roles: OVERSIGHT, scope: 'any-grant' },
  'reports.submission.edit': { roles: UNIT, scope: 'unit-subtree' },
  'reports.submission.submit': { roles: ['unit_manager'], scope: 'unit-subtree' },
  'reports.submission.review': { roles: ['department_officer'], scope: 'any-grant' },
  'reports.document.read': { roles: OVERSIGHT, scope: 'any-grant' },
  'reports.document.generate': { roles: ['department_officer'], scope: 'any-grant' },
} satisfies PermissionTable;
