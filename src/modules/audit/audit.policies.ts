import type { PermissionTable } from '../../lib/authz.ts';

export const auditPermissions = {
  'audit.log.read': { roles: ['administrator', 'leader', 'department_officer'], scope: 'any-grant' },
} satisfies PermissionTable;
