// The unit list the indicators need (names, tree, merges), read through the units module's repository, and
// which units an actor may look at.
import type { AppDeps } from '../../app/deps.types.ts';
import { can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { forbidden } from '../../lib/errors.ts';
import { coveredUnits } from './indicators.scope.ts';

export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  mergedIntoId: string | null;
  validTo: string | null;
}

export async function unitList(deps: Pick<AppDeps, 'db' | 'repos'>): Promise<UnitInfo[]> {
  const rows = await deps.repos.units.all(deps.db);
  return rows
    .map((u) => ({
      id: u.id,
      code: u.code,
      name: u.shortName ?? u.name,
      parentId: u.parentId,
      mergedIntoId: u.mergedIntoId,
      validTo: u.validTo ? String(u.validTo).slice(0, 10) : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The Department (the unit without a parent). */
export function rootOf(units: readonly UnitInfo[]): UnitInfo | undefined {
  return units.find((u) => u.parentId === null && u.mergedIntoId === null) ?? units.find((u) => !u.parentId);
}

/**
 * The units whose figures the actor asks for: `unitId` (checked against the actor's scope) or, when absent,
 * the whole province for the Department's officers and leadership, else the actor's own first unit.
 * Returns the chosen unit (null = province) and the recorded units it covers (undefined = all).
 */
export function resolveScope(
  actor: Actor,
  action: string,
  units: readonly UnitInfo[],
  unitId: string | null | undefined,
): { unitId: string | null; covered: string[] | undefined } {
  const root = rootOf(units);
  const seesAll = can(actor, `${action}All`) || (root ? can(actor, action, { unitId: root.id }) : false);
  if (!unitId || (root && unitId === root.id && seesAll)) {
    if (seesAll) return { unitId: null, covered: undefined };
    const first = scopeRoots(actor, action)[0];
    // (someone who may see every unit never gets here)
    if (!first) throw forbidden();
    return { unitId: first, covered: coveredUnits(units, first) };
  }
  if (!units.some((u) => u.id === unitId) || !(seesAll || can(actor, action, { unitId }))) throw forbidden();
  return { unitId, covered: coveredUnits(units, unitId) };
}

/** Units the actor may pick in a filter (their subtrees, or all with `<action>All`), in name order. */
export function selectableUnits(actor: Actor, action: string, units: readonly UnitInfo[]): UnitInfo[] {
  if (can(actor, `${action}All`)) return [...units];
  return units.filter((u) => can(actor, action, { unitId: u.id }));
}

/** Whether the actor may look at one unit's figures (`<action>` on its subtree, or `<action>All`). */
export function canSeeUnit(actor: Actor, action: string, unitId: string): boolean {
  return can(actor, `${action}All`) || can(actor, action, { unitId });
}
