// Who may do what with inspections. Managers, administrators and the Department's officers plan inspections
// for their unit (subtree) and record the visits; the staff of an inspected unit (subtree) read what concerns
// them and close their follow-up actions; leaders read.
import type { PermissionTable } from '../../lib/authz.ts';

const INSPECTORS = ['unit_manager', 'department_officer', 'administrator'] as const;
const STAFF = ['unit_staff', ...INSPECTORS] as const;
const READERS = [...STAFF, 'leader'] as const;

export const inspectionsPermissions = {
  'inspections.plan.read': { roles: READERS, scope: 'unit-subtree' },
  'inspections.plan.create': { roles: INSPECTORS, scope: 'unit-subtree' },
  'inspections.plan.update': { roles: INSPECTORS, scope: 'unit-subtree' },
  'inspections.followup.close': { roles: STAFF, scope: 'unit-subtree' },
} satisfies PermissionTable;
