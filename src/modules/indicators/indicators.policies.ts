// Who may do what with indicators. The focal point (Phòng QLVH&GĐ: department officers) defines indicators and
// targets; units see their own dashboards (unit subtree); the leadership and the Department's officers see every
// unit — their grants sit on their own office, not above the units, hence `any-grant` for `readAll`.
import type { PermissionTable } from '../../lib/authz.ts';

const STAFF = ['unit_staff', 'unit_manager', 'finance_officer', 'administrator'] as const;
const OVERSIGHT = ['department_officer', 'leader'] as const;

export const indicatorPermissions = {
  'indicators.dashboard.read': { roles: STAFF, scope: 'unit-subtree' },
  'indicators.dashboard.readAll': { roles: OVERSIGHT, scope: 'any-grant' },
  'indicators.definition.read': { roles: [...STAFF, ...OVERSIGHT], scope: 'any-grant' },
  'indicators.definition.manage': { roles: ['department_officer'], scope: 'any-grant' },
  // Population figures per commune for the equity view: loaded by an administrator (or the focal point).
  'indicators.population.manage': { roles: ['administrator', 'department_officer'], scope: 'any-grant' },
  // The equity view's suppression threshold: the focal point or an administrator.
  'indicators.equity.configure': { roles: ['administrator', 'department_officer'], scope: 'any-grant' },
} satisfies PermissionTable;
