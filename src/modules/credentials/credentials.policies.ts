// Who may do what with credentials. Unit staff define their unit's achievements and award them; managers and
// administrators also revoke; administrators rotate the unit's signing key. Verifying is public; a learner
// manages (shares, hides) their own credentials.
import type { PermissionTable } from '../../lib/authz.ts';

const RUNNERS = ['unit_staff', 'unit_manager', 'administrator'] as const;

export const credentialPermissions = {
  'credentials.achievement.read': {
    roles: [...RUNNERS, 'department_officer', 'leader'],
    scope: 'unit-subtree',
  },
  'credentials.achievement.create': { roles: RUNNERS, scope: 'unit-subtree' },
  'credentials.achievement.update': { roles: RUNNERS, scope: 'unit-subtree' },
  'credentials.award.create': { roles: RUNNERS, scope: 'unit-subtree' },
  'credentials.award.revoke': { roles: ['unit_manager', 'administrator'], scope: 'unit-subtree' },
  'credentials.key.rotate': { roles: ['administrator'], scope: 'unit-subtree' },
  'credentials.own.manage': { roles: [], scope: 'signed-in' },
} satisfies PermissionTable;
