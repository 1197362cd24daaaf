// Who may do what with international cooperation. Staff of a unit (subtree) record and edit their unit's
// partners and activities; leaders read. Partners are shared reference data: any staff member may pick one.
import type { PermissionTable } from '../../lib/authz.ts';

const WRITERS = ['unit_staff', 'unit_manager', 'department_officer', 'administrator'] as const;
const READERS = [...WRITERS, 'leader'] as const;

export const cooperationPermissions = {
  'cooperation.activity.read': { roles: READERS, scope: 'unit-subtree' },
  'cooperation.activity.create': { roles: WRITERS, scope: 'unit-subtree' },
  'cooperation.activity.update': { roles: WRITERS, scope: 'unit-subtree' },
  'cooperation.partner.read': { roles: READERS, scope: 'any-grant' },
  'cooperation.partner.create': { roles: WRITERS, scope: 'unit-subtree' },
  'cooperation.partner.update': { roles: WRITERS, scope: 'unit-subtree' },
} satisfies PermissionTable;
