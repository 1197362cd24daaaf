// All permission tables of all modules, merged. Add a module's table here; the matrix test reads it.
import { type Actor, createAuthorizer, mergePermissionTables } from './lib/authz.ts';
import { forbidden, unauthenticated } from './lib/errors.ts';
import { accessPermissions } from './modules/access/access.policies.ts';
import { auditPermissions } from './modules/audit/audit.policies.ts';
import { authPermissions } from './modules/auth/auth.policies.ts';
import { cataloguePermissions } from './modules/catalogue/catalogue.policies.ts';
import { mailPermissions } from './modules/mail/mail.policies.ts';
import { planPermissions } from './modules/plan/plan.policies.ts';
import { unitPermissions } from './modules/units/units.policies.ts';

export const permissions = mergePermissionTables(
  accessPermissions,
  auditPermissions,
  authPermissions,
  cataloguePermissions,
  mailPermissions,
  planPermissions,
  unitPermissions,
);

export const authorizer = createAuthorizer(permissions, (actor: Actor) =>
  actor.kind === 'user' ? forbidden() : unauthenticated(),
);
export const { can, authorize, scopeRoots } = authorizer;
