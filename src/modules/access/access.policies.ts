// Who may manage users and role grants.
//
// A user "belongs" to the units of their active grants; a user without grants (a citizen) belongs to the
// Department root. Rules:
// - Administrators manage everything in the subtree of the unit they hold `administrator` on: they may grant
//   or revoke any role on a unit inside that subtree, invite users, disable accounts whose every unit is
//   inside it, and change security settings. An administrator on a branch cannot act outside that branch.
// - Unit managers manage their own staff only: they may grant and revoke `unit_staff` (and nothing else) on
//   units inside the subtree they manage, and invite a person together with such a grant. This is split into
//   the separate `access.staff_grant.*` actions so the table, not code, says it.
// - Security settings (two-factor for staff) are the auth module's `auth.settings.update`.
// - Unit staff and every other role get nothing here.
import type { PermissionTable } from '../../lib/authz.ts';

export const accessPermissions = {
  /** List users and see their grants; the list is narrowed to users belonging to the actor's subtrees. */
  'access.user.read': { roles: ['administrator', 'unit_manager'], scope: 'unit-subtree' },
  /** Invite a person with a first grant on a unit (the grant itself is checked by the grant actions). */
  'access.user.invite': { roles: ['administrator', 'unit_manager'], scope: 'unit-subtree' },
  /** Invite a person without any role (a citizen account): belongs to the root, so root administrators. */
  'access.citizen.invite': { roles: ['administrator'], scope: 'unit-subtree' },
  'access.user.disable': { roles: ['administrator'], scope: 'unit-subtree' },
  'access.grant.create': { roles: ['administrator'], scope: 'unit-subtree' },
  'access.grant.revoke': { roles: ['administrator'], scope: 'unit-subtree' },
  /** Only for role `unit_staff`. */
  'access.staff_grant.create': { roles: ['administrator', 'unit_manager'], scope: 'unit-subtree' },
  'access.staff_grant.revoke': { roles: ['administrator', 'unit_manager'], scope: 'unit-subtree' },
} satisfies PermissionTable;
