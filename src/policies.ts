// All permission tables of all modules, merged. Add a module's table here; the matrix test reads it.
import { type Actor, createAuthorizer, mergePermissionTables } from './lib/authz.ts';
import { forbidden, notFound, unauthenticated } from './lib/errors.ts';
import { accessPermissions } from './modules/access/access.policies.ts';
import { auditPermissions } from './modules/audit/audit.policies.ts';
import { authPermissions } from './modules/auth/auth.policies.ts';
import { cataloguePermissions } from './modules/catalogue/catalogue.policies.ts';
import { catalogueHarvestPermissions } from './modules/catalogue/catalogue-harvest.policies.ts';
import { eventFeedPermissions } from './modules/event-feeds/event-feeds.policies.ts';
import { eventPermissions } from './modules/events/events.policies.ts';
import { exhibitionPermissions } from './modules/exhibitions/exhibitions.policies.ts';
import { followPermissions } from './modules/follows/follows.policies.ts';
import { jobPermissions } from './modules/jobs/jobs.policies.ts';
import { mailPermissions } from './modules/mail/mail.policies.ts';
import { placePermissions } from './modules/places/places.policies.ts';
import { planPermissions } from './modules/plan/plan.policies.ts';
import { planBudgetPermissions } from './modules/plan/plan-budget.policies.ts';
import { unitPermissions } from './modules/units/units.policies.ts';

export const permissions = mergePermissionTables(
  accessPermissions,
  auditPermissions,
  authPermissions,
  cataloguePermissions,
  catalogueHarvestPermissions,
  eventFeedPermissions,
  eventPermissions,
  followPermissions,
  exhibitionPermissions,
  jobPermissions,
  mailPermissions,
  placePermissions,
  planPermissions,
  planBudgetPermissions,
  unitPermissions,
);

export const authorizer = createAuthorizer(permissions, (actor: Actor) =>
  actor.kind === 'user' ? forbidden() : unauthenticated(),
);
export const { can, authorize, scopeRoots } = authorizer;

/**
 * Authorises a change to an existing entity without revealing it to someone who may not read it: when the
 * actor may not even see the entity (another unit's draft, a closed place), the answer is the same 404 as for
 * an id that does not exist; when they can see it anyway (it is public), the usual 401/403.
 */
export function authorizeEdit(
  actor: Actor,
  action: string,
  unitId: string | null | undefined,
  visible: boolean,
  what: string,
): void {
  if (can(actor, action, { unitId })) return;
  if (!visible) throw notFound(what);
  authorize(actor, action, { unitId });
}
