// Guidance documents are read by every staff member (they are the Department's instructions to all units);
// managers, administrators and the Department's officers file them for their unit (subtree).
import type { PermissionTable } from '../../lib/authz.ts';

const STAFF = ['unit_staff', 'unit_manager', 'department_officer', 'leader', 'administrator'] as const;
const FILERS = ['unit_manager', 'department_officer', 'administrator'] as const;

export const guidancePermissions = {
  'guidance.document.read': { roles: STAFF, scope: 'any-grant' },
  'guidance.document.create': { roles: FILERS, scope: 'unit-subtree' },
  'guidance.document.update': { roles: FILERS, scope: 'unit-subtree' },
} satisfies PermissionTable;
