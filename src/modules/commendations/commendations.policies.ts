// Who may do what with commendations. A unit's staff (subtree) nominate their collectives and people and edit
// a nomination until it is decided; the Department's officers and administrators review and decide (the
// emulation and commendation council's secretariat); leaders read. The honour roll is public.
import type { PermissionTable } from '../../lib/authz.ts';

const WRITERS = ['unit_staff', 'unit_manager', 'department_officer', 'administrator'] as const;
const READERS = [...WRITERS, 'leader'] as const;

export const commendationsPermissions = {
  'commendations.nomination.read': { roles: READERS, scope: 'unit-subtree' },
  'commendations.nomination.create': { roles: WRITERS, scope: 'unit-subtree' },
  'commendations.nomination.update': { roles: WRITERS, scope: 'unit-subtree' },
  'commendations.nomination.decide': {
    roles: ['department_officer', 'administrator'],
    scope: 'unit-subtree',
  },
} satisfies PermissionTable;
