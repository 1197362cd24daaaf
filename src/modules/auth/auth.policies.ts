import type { PermissionTable } from '../../lib/authz.ts';

export const authPermissions = {
  'auth.settings.update': { roles: ['administrator'], scope: 'any-grant' },
} satisfies PermissionTable;
