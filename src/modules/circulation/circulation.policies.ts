import type { PermissionTable, Role } from '../../lib/authz.ts';

// Desk work (lend, return, renew, holds, readers, copies) belongs to the staff of the unit that owns the copy
// or runs the desk; loan rules are the managers'. Readers act on their own cards (signed in).
const KEEPERS: readonly Role[] = ['unit_staff', 'unit_manager', 'administrator'];

export const circulationPermissions = {
  'circulation.desk': { roles: KEEPERS, scope: 'unit-subtree' },
  'circulation.desk.open': { roles: KEEPERS, scope: 'any-grant' },
  'circulation.rules.update': { roles: ['unit_manager', 'administrator'], scope: 'unit-subtree' },
  'circulation.stats.import': { roles: KEEPERS, scope: 'unit-subtree' },
  'circulation.self': { roles: [], scope: 'signed-in' },
  'circulation.availability.read': { roles: [], scope: 'public' },
} satisfies PermissionTable;
