// The permission matrix: every action of every module × every role × every scope situation, generated from
// the merged table of every module (src/app/policies.server.ts), so a new module's table is covered the day it is added. Hand-written
// expectations below catch a wrong table (the generated part alone would only re-state it).
import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS, type Grant, ROLES, type Role } from '../lib/authz.ts';
import { testActor } from '../test/actors.ts';
import { authorize, can, permissionTable, scopeRoots } from './policies.server.ts';

const permissions = permissionTable();

// Department (root) ─┬─ Branch ── Child          (the resource lives in Child)
//                    └─ Other                    (an unrelated branch)
const UNITS: Record<string, string | null> = {
  unit_root: null,
  unit_branch: 'unit_root',
  unit_child: 'unit_branch',
  unit_other: 'unit_root',
};
const RESOURCE_UNIT = 'unit_child';

const SITUATIONS = {
  /** A grant on the resource's own unit. */
  own: 'unit_child',
  /** A grant on the parent: the resource is in a child unit of the grant. */
  parent: 'unit_branch',
  /** A grant on a unit of another branch. */
  unrelated: 'unit_other',
  /** Signed in, no grant at all (a citizen). */
  none: null,
} as const;
type Situation = keyof typeof SITUATIONS;

function actorWith(role: Role, situation: Situation): Actor {
  const unitId = SITUATIONS[situation];
  const grants: Grant[] = unitId ? [{ role, unitId }] : [];
  return testActor(grants, UNITS);
}

function expected(action: string, role: Role, situation: Situation): boolean {
  const rule = permissions[action];
  if (!rule) return false;
  if (rule.scope === 'public' || rule.scope === 'signed-in') return true;
  if (situation === 'none' || !rule.roles.includes(role)) return false;
  if (rule.scope === 'any-grant') return true;
  return situation === 'own' || situation === 'parent';
}

const actions = Object.keys(permissions).sort();

describe('permission matrix (generated from every module’s table)', () => {
  it('has rules to test', () => {
    expect(actions.length).toBeGreaterThan(5);
  });

  for (const action of actions) {
    describe(action, () => {
      it.each(
        ROLES.flatMap((role) =>
          (Object.keys(SITUATIONS) as Situation[]).map((situation) => ({ role, situation })),
        ),
      )('$role with grant situation "$situation"', ({ role, situation }) => {
        const actor = actorWith(role, situation);
        expect(can(actor, action, { unitId: RESOURCE_UNIT })).toBe(expected(action, role, situation));
      });

      it('answers anonymous visitors only when public', () => {
        const isPublic = permissions[action]?.scope === 'public';
        expect(can(ANONYMOUS, action, { unitId: RESOURCE_UNIT })).toBe(isPublic);
        expect(can(ANONYMOUS, action)).toBe(isPublic);
      });

      it('grants nothing unit-scoped without a resource unit', () => {
        if (permissions[action]?.scope !== 'unit-subtree') return;
        for (const role of ROLES) expect(can(actorWith(role, 'own'), action, {})).toBe(false);
      });

      it('names only known roles, and at least one unless open to everyone', () => {
        const rule = permissions[action];
        for (const role of rule?.roles ?? []) expect(ROLES).toContain(role);
        if (rule && (rule.scope === 'unit-subtree' || rule.scope === 'any-grant')) {
          expect(rule.roles.length).toBeGreaterThan(0);
        }
      });
    });
  }

  it('denies an action no table declares, whoever asks', () => {
    const admin = testActor([{ role: 'administrator', unitId: 'unit_root' }], UNITS);
    expect(can(admin, 'nobody.declared.this', { unitId: RESOURCE_UNIT })).toBe(false);
  });
});

describe('hand-written expectations', () => {
  const at = (role: Role, unitId: string) => testActor([{ role, unitId }], UNITS);

  it('gives unit staff no way to grant or revoke roles, even in their own unit', () => {
    const staff = at('unit_staff', RESOURCE_UNIT);
    for (const action of [
      'access.grant.create',
      'access.grant.revoke',
      'access.staff_grant.create',
      'access.staff_grant.revoke',
      'access.user.invite',
      'access.user.read',
      'access.user.disable',
    ]) {
      expect(can(staff, action, { unitId: RESOURCE_UNIT }), action).toBe(false);
      expect(scopeRoots(staff, action), action).toEqual([]);
    }
  });

  it('lets a unit manager manage unit staff inside their subtree only, and no other role', () => {
    const manager = at('unit_manager', 'unit_branch');
    expect(can(manager, 'access.staff_grant.create', { unitId: 'unit_child' })).toBe(true);
    expect(can(manager, 'access.staff_grant.revoke', { unitId: 'unit_branch' })).toBe(true);
    expect(can(manager, 'access.staff_grant.create', { unitId: 'unit_other' })).toBe(false);
    expect(can(manager, 'access.staff_grant.create', { unitId: 'unit_root' })).toBe(false);
    expect(can(manager, 'access.grant.create', { unitId: 'unit_child' })).toBe(false);
    expect(can(manager, 'access.grant.revoke', { unitId: 'unit_child' })).toBe(false);
    expect(can(manager, 'access.user.disable', { unitId: 'unit_child' })).toBe(false);
    expect(can(manager, 'access.citizen.invite', { unitId: 'unit_root' })).toBe(false);
  });

  it('keeps an administrator of one branch out of every other branch', () => {
    const branchAdmin = at('administrator', 'unit_branch');
    expect(can(branchAdmin, 'access.grant.create', { unitId: 'unit_child' })).toBe(true);
    expect(can(branchAdmin, 'access.grant.create', { unitId: 'unit_other' })).toBe(false);
    expect(can(branchAdmin, 'access.grant.create', { unitId: 'unit_root' })).toBe(false);
    expect(can(branchAdmin, 'access.user.disable', { unitId: 'unit_other' })).toBe(false);
    expect(() => authorize(branchAdmin, 'access.grant.revoke', { unitId: 'unit_other' })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('lets the root administrator act everywhere', () => {
    const rootAdmin = at('administrator', 'unit_root');
    for (const unitId of Object.keys(UNITS)) {
      expect(can(rootAdmin, 'access.grant.create', { unitId })).toBe(true);
      expect(can(rootAdmin, 'access.grant.revoke', { unitId })).toBe(true);
    }
  });

  it('reserves every role-granting action for administrators (and unit_staff grants for managers too)', () => {
    expect(permissions['access.grant.create']?.roles).toEqual(['administrator']);
    expect(permissions['access.grant.revoke']?.roles).toEqual(['administrator']);
    expect([...(permissions['access.staff_grant.create']?.roles ?? [])].sort()).toEqual([
      'administrator',
      'unit_manager',
    ]);
    for (const action of ['access.grant.create', 'access.grant.revoke', 'access.staff_grant.create']) {
      expect(permissions[action]?.scope, action).toBe('unit-subtree');
    }
  });

  it('answers 401 to anonymous visitors and 403 to signed-in users without the permission', () => {
    expect(() => authorize(ANONYMOUS, 'access.user.read')).toThrow(expect.objectContaining({ status: 401 }));
    expect(() =>
      authorize(at('leader', 'unit_root'), 'access.grant.create', { unitId: 'unit_child' }),
    ).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('gives a citizen (no grants) nothing that needs a grant', () => {
    const citizen = testActor([], UNITS);
    for (const action of actions) {
      const scope = permissions[action]?.scope;
      if (scope === 'unit-subtree' || scope === 'any-grant') {
        expect(can(citizen, action, { unitId: RESOURCE_UNIT }), action).toBe(false);
      }
    }
  });
});
