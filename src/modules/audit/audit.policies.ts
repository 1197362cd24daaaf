import type { PermissionTable } from '../../lib/authz.ts';

export const auditPermissions = {
  // Administrators read the entries of their own subtree; the Department's leaders and focal-point officers
  // steer the whole programme and read everything (see listAuditEntries).
  'audit.log.read': { roles: ['administrator', 'leader', 'department_officer'], scope: 'any-grant' },
  'audit.log.read_all': { roles: ['leader', 'department_officer'], scope: 'any-grant' },
} satisfies PermissionTable;
