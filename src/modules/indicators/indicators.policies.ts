// Who may do what with indicators. The focal point (Phòng QLVH&GĐ: department officers) defines indicators and
// targets; units see their own dashboards (unit subtree); the leadership and the Department's officers,
// granted on the Department, see every unit.
import type { PermissionTable } from '../../lib/authz.ts';

const STAFF = ['unit_staff', 'unit_manager', 'finance_officer', 'administrator'] as const;
const OVERSIGHT = ['department_officer', 'leader'] as const;

export const indicatorPermissions = {
  'indicators.dashboard.read': { roles: [...STAFF, ...OVERSIGHT], scope: 'unit-subtree' },
  'indicators.definition.read': { roles: [...STAFF, ...OVERSIGHT], scope: 'any-grant' },
  'indicators.definition.manage': { roles: ['department_officer'], scope: 'any-grant' },
} satisfies PermissionTable;
