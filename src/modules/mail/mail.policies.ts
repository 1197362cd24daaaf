import type { PermissionTable } from '../../lib/authz.ts';

export const mailPermissions = {
  // Mails hold password-reset and invitation links: administrators of the whole tree only (checked on a root).
  'mail.outbox.read': { roles: ['administrator'], scope: 'unit-subtree' },
} satisfies PermissionTable;
