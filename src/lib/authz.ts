// Permissions are data. Each module declares a PermissionTable in its policies file; `can` answers from the
// merged table and the actor's grants. A grant is role × unit subtree; an empty scope grants nothing.

export const ROLES = [
  'citizen',
  'unit_staff',
  'unit_manager',
  'department_officer',
  'finance_officer',
  'leader',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * `unit-subtree`: allowed when the resource's unit lies in the subtree of a unit the actor holds a matching grant on.
 * `any-grant`: allowed when the actor holds the role anywhere (lists filter by scope themselves).
 * `signed-in`: any signed-in user. `public`: everyone, including anonymous visitors.
 */
export type Scope = 'unit-subtree' | 'any-grant' | 'signed-in' | 'public';
export type PermissionRule = { roles: readonly Role[]; scope: Scope };
export type PermissionTable = Record<string, PermissionRule>;

export interface Grant {
  role: Role;
  /** Root of the unit subtree this grant covers. */
  unitId: string;
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      grants: readonly Grant[];
      /** Resolves whether `unitId` is `rootId` or one of its descendants. */
      inSubtree: (rootId: string, unitId: string) => boolean;
      twoFactorEnabled: boolean;
      /**
       * Set by the session resolver: this user lacks two-step sign-in and the deployment requires it of staff,
       * read in the same statement as the session. Unset (actors built elsewhere): ask the setting.
       */
      staffMfaRequired?: boolean;
      sessionId: string;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export interface Resource {
  unitId?: string | null | undefined;
}

export interface Authorizer {
  can(actor: Actor, action: string, resource?: Resource): boolean;
  /** Throws 401 for anonymous visitors and 403 for signed-in users without the permission. */
  authorize(actor: Actor, action: string, resource?: Resource): void;
  /** Unit roots under which the actor may perform `action` (for filtering lists). */
  scopeRoots(actor: Actor, action: string): string[];
  table: Readonly<PermissionTable>;
}

export function createAuthorizer(table: PermissionTable, onDenied: (actor: Actor) => Error): Authorizer {
  const can = (actor: Actor, action: string, resource: Resource = {}): boolean => {
    const rule = table[action];
    if (!rule) return false; // denied unless a policy allows it
    if (rule.scope === 'public') return true;
    if (actor.kind !== 'user') return false;
    if (rule.scope === 'signed-in') return true;
    const grants = actor.grants.filter((g) => rule.roles.includes(g.role));
    if (rule.scope === 'any-grant') return grants.length > 0;
    const unitId = resource.unitId;
    if (!unitId) return false;
    return grants.some((g) => actor.inSubtree(g.unitId, unitId));
  };
  return {
    can,
    authorize(actor, action, resource) {
      if (!can(actor, action, resource)) throw onDenied(actor);
    },
    scopeRoots(actor, action) {
      const rule = table[action];
      if (!rule || actor.kind !== 'user') return [];
      return actor.grants.filter((g) => rule.roles.includes(g.role)).map((g) => g.unitId);
    },
    table,
  };
}

export function mergePermissionTables(...tables: PermissionTable[]): PermissionTable {
  const out: PermissionTable = {};
  for (const t of tables) {
    for (const [action, rule] of Object.entries(t)) {
      if (out[action]) throw new Error(`Permission ${action} declared twice`);
      out[action] = rule;
    }
  }
  return out;
}
