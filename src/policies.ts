// All permission tables of all modules, merged. Add a module's table here; the matrix test reads it.
import { type Actor, createAuthorizer, mergePermissionTables } from './lib/authz.ts';
import { forbidden, unauthenticated } from './lib/errors.ts';
import { auditPermissions } from './modules/audit/audit.policies.ts';

export const permissions = mergePermissionTables(auditPermissions);

export const authorizer = createAuthorizer(permissions, (actor: Actor) =>
  actor.kind === 'user' ? forbidden() : unauthenticated(),
);
export const { can, authorize, scopeRoots } = authorizer;
