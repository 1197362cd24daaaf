import type { PermissionTable } from '../../lib/authz.ts';

export const authPermissions = {
  // Site-wide setting: only an administrator whose grant covers a root unit (checked in the use case).
  'auth.settings.update': { roles: ['administrator'], scope: 'unit-subtree' },
} satisfies PermissionTable;
