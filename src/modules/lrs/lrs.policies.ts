// Who may do what with the learning record store. Administrators issue and revoke LRS client credentials for
// the units they administer; staff see per-unit aggregates (never individual records); every signed-in
// person sees their own record (and, through the learners module, the family members they manage).
import type { PermissionTable } from '../../lib/authz.ts';

export const lrsPermissions = {
  'lrs.credential.manage': { roles: ['administrator'], scope: 'unit-subtree' },
  'lrs.aggregate.read': {
    roles: ['unit_staff', 'unit_manager', 'department_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'lrs.record.read': { roles: [], scope: 'signed-in' },
} satisfies PermissionTable;
