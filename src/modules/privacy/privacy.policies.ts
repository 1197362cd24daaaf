// Who may do what with personal-data requests: every signed-in person files their own; administrators (the
// data protection role of the Department) answer them and read the inventory.
import type { PermissionTable } from '../../lib/authz.ts';

export const privacyPermissions = {
  'privacy.request.own': { roles: [], scope: 'signed-in' },
  'privacy.request.handle': { roles: ['administrator'], scope: 'any-grant' },
  'privacy.breach.manage': { roles: ['administrator'], scope: 'any-grant' },
  'privacy.retention.manage': { roles: ['administrator'], scope: 'any-grant' },
} satisfies PermissionTable;
