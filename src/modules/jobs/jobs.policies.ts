import type { PermissionTable } from '../../lib/authz.ts';

export const jobPermissions = {
  // Job payloads name records of every unit: administrators of the whole tree only (checked on the root).
  'jobs.read': { roles: ['administrator'], scope: 'unit-subtree' },
} satisfies PermissionTable;
