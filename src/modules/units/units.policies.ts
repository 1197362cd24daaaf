// Who may change the unit tree. Administrators act inside the subtree they administer; the tree itself is
// readable by every back-office role that steers the program (unit names are not secret, and the
// Department's officers work across all units).
import type { PermissionTable } from '../../lib/authz.ts';

export const unitPermissions = {
  'units.unit.read': { roles: ['administrator', 'department_officer', 'leader'], scope: 'any-grant' },
  /** Checked against the new unit's parent. */
  'units.unit.create': { roles: ['administrator'], scope: 'unit-subtree' },
  /** Rename (and other descriptive changes). */
  'units.unit.update': { roles: ['administrator'], scope: 'unit-subtree' },
  /** Checked against the unit and against its new parent. */
  'units.unit.move': { roles: ['administrator'], scope: 'unit-subtree' },
  /** Checked against the unit merged away and the unit that absorbs it. */
  'units.unit.merge': { roles: ['administrator'], scope: 'unit-subtree' },
  /** Close and reopen. */
  'units.unit.close': { roles: ['administrator'], scope: 'unit-subtree' },
} satisfies PermissionTable;
