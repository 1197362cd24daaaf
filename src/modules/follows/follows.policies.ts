import type { PermissionTable } from '../../lib/authz.ts';

// Any signed-in person (citizen or staff) keeps their own follows; nobody reads another person's.
export const followPermissions = {
  'follows.follow.manage': { roles: [], scope: 'signed-in' },
} satisfies PermissionTable;
