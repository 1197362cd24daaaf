// Who may do what with events. Staff and managers run their own unit's events (subtree); administrators
// the units they administer. The Department's officers and leadership read every unit's events (they steer
// the commemorative days) but do not edit them. Registering is public: anyone, signed in or not.
import type { PermissionTable } from '../../lib/authz.ts';

const RUNNERS = ['unit_staff', 'unit_manager', 'administrator'] as const;
const READERS = [...RUNNERS, 'department_officer', 'leader'] as const;

export const eventPermissions = {
  'events.event.read': { roles: READERS, scope: 'unit-subtree' },
  'events.event.create': { roles: RUNNERS, scope: 'unit-subtree' },
  'events.event.update': { roles: RUNNERS, scope: 'unit-subtree' },
  /** Registrations with names and contacts, attendance and feedback of one event. */
  'events.registration.read': { roles: RUNNERS, scope: 'unit-subtree' },
  'events.registration.create': { roles: [], scope: 'public' },
  'events.checkin.create': { roles: RUNNERS, scope: 'unit-subtree' },
} satisfies PermissionTable;
