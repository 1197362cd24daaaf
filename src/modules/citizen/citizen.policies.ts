// Who may do what with "Công dân học tập": every signed-in citizen assesses themselves; the staff of the unit a
// citizen submitted to (and of its parents) review; administrators set each year's criteria.
import type { PermissionTable } from '../../lib/authz.ts';

export const citizenPermissions = {
  'citizen.assess.own': { roles: [], scope: 'signed-in' },
  'citizen.review': { roles: ['unit_staff', 'unit_manager', 'administrator'], scope: 'unit-subtree' },
  'citizen.scheme.edit': { roles: ['administrator'], scope: 'any-grant' },
} satisfies PermissionTable;
