// Who may do what with learning paths and reading challenges. Staff and managers of a unit (its subtree) make
// and publish their unit's paths and challenges; administrators hold the root. Published ones are public to
// read; following a path or joining a challenge needs a signed-in learner.
import type { PermissionTable, Role } from '../../lib/authz.ts';

const MAKERS: readonly Role[] = ['unit_staff', 'unit_manager', 'administrator'];

export const learningPermissions = {
  'learning.path.read': { roles: [], scope: 'public' },
  'learning.path.list': { roles: MAKERS, scope: 'any-grant' },
  'learning.path.create': { roles: MAKERS, scope: 'unit-subtree' },
  'learning.path.update': { roles: MAKERS, scope: 'unit-subtree' },
  'learning.path.publish': { roles: MAKERS, scope: 'unit-subtree' },
  'learning.progress.write': { roles: [], scope: 'signed-in' },
  'learning.challenge.read': { roles: [], scope: 'public' },
  'learning.challenge.list': { roles: MAKERS, scope: 'any-grant' },
  'learning.challenge.create': { roles: MAKERS, scope: 'unit-subtree' },
  'learning.challenge.update': { roles: MAKERS, scope: 'unit-subtree' },
  'learning.challenge.join': { roles: [], scope: 'signed-in' },
} satisfies PermissionTable;
