// Who may do what: the permission tables that the modules declare (FeatureModule.permissions), merged once on
// first use. Built lazily so that use cases, which the module descriptors import, can import this file too.
import {
  type Actor,
  type Authorizer,
  createAuthorizer,
  mergePermissionTables,
  type PermissionTable,
} from '../lib/authz.ts';
import { forbidden, notFound, unauthenticated } from '../lib/errors.ts';
import type { FeatureModule } from './module.ts';
import { modules } from './modules.server.ts';

let authorizer: Authorizer | undefined;

function current(): Authorizer {
  if (!authorizer) {
    const tables = (modules as readonly FeatureModule[]).flatMap((m) =>
      m.permissions ? [m.permissions] : [],
    );
    authorizer = createAuthorizer(mergePermissionTables(...tables), (actor: Actor) =>
      actor.kind === 'user' ? forbidden() : unauthenticated(),
    );
  }
  return authorizer;
}

/** Every permission of every module (the matrix test walks it). */
export function permissionTable(): Readonly<PermissionTable> {
  return current().table;
}
export const can: Authorizer['can'] = (actor, action, resource) => current().can(actor, action, resource);
export const authorize: Authorizer['authorize'] = (actor, action, resource) =>
  current().authorize(actor, action, resource);
export const scopeRoots: Authorizer['scopeRoots'] = (actor, action) => current().scopeRoots(actor, action);

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
