// Who may do what with sponsorship. The register of sponsors is shared by every staff member (a sponsor of
// the Department often gives to a library too), but only staff of the sponsor's unit see its contact details
// and change it. Donations belong to the receiving unit: its staff record and read them (subtree).
import type { PermissionTable } from '../../lib/authz.ts';

const READERS = [
  'unit_staff',
  'unit_manager',
  'department_officer',
  'finance_officer',
  'leader',
  'administrator',
] as const;
const WRITERS = ['unit_staff', 'unit_manager', 'department_officer', 'administrator'] as const;

export const sponsorshipPermissions = {
  'sponsorship.sponsor.list': { roles: READERS, scope: 'any-grant' },
  'sponsorship.sponsor.update': { roles: WRITERS, scope: 'unit-subtree' },
  'sponsorship.donation.read': { roles: READERS, scope: 'unit-subtree' },
  'sponsorship.donation.create': { roles: WRITERS, scope: 'unit-subtree' },
  'sponsorship.public.read': { roles: [], scope: 'public' },
} satisfies PermissionTable;
