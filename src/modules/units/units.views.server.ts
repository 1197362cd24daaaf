// Read models for the back-office pages: the tree with what the actor may do, and one unit with its history
// in words (unit names instead of ids) and the choices each form offers.

import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { today, type UnitDeps } from './units.rules.ts';
import type { TreeQuery } from './units.schemas.server.ts';
import type { UnitHistoryRow } from './units.table.server.ts';
import { currentState, orderTree, subtreeIds, type TreeEntry, type UnitState } from './units.timeline.ts';
import { getUnit, listUnitTree } from './units.usecases.server.ts';

export interface UnitChoice {
  id: string;
  name: string;
  depth: number;
}

const choice = (u: TreeEntry): UnitChoice => ({ id: u.id, name: u.name, depth: u.depth });

/** May the actor place a unit at the top level (they hold the right on every current top-level unit)? */
function canAtTop(actor: Actor, action: string, tree: readonly TreeEntry[]): boolean {
  const roots = tree.filter((u) => u.parentId === null);
  return roots.length > 0 && roots.every((r) => can(actor, action, { unitId: r.id }));
}

export async function unitTreePage(deps: UnitDeps, actor: Actor, q: Partial<TreeQuery>) {
  const tree = await listUnitTree(deps, actor, q);
  const open = await deps.repos.units.listTree(deps.db, { today: today(deps) });
  return {
    ...tree,
    today: today(deps),
    createParents: open.filter((u) => can(actor, 'units.unit.create', { unitId: u.id })).map(choice),
    canCreateTopLevel: canAtTop(actor, 'units.unit.create', open),
  };
}

export interface HistoryLine extends Pick<UnitHistoryRow, 'change' | 'effectiveOn' | 'note' | 'recordedAt'> {
  id: number;
  oldName: string | null;
  newName: string | null;
  oldParent: string | null;
  newParent: string | null;
  mergedInto: string | null;
  mergedFrom: string | null;
}

export async function unitDetailPage(deps: UnitDeps, actor: Actor, unitId: string) {
  const { unit, history } = await getUnit(deps, actor, unitId);
  const all = await deps.repos.units.all(deps.db);
  const names = new Map(all.map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : null);
  const open = orderTree(all.map((u) => currentState(u, today(deps))).filter((u) => u.status === 'active'));
  const below = subtreeIds(all, unit.id);
  const isOpen = unit.status === 'active' || unit.status === 'planned';
  const allowed = (action: string, id: string) => can(actor, action, { unitId: id });
  const lines: HistoryLine[] = history.map((h) => ({
    id: h.id,
    change: h.change,
    effectiveOn: h.effectiveOn,
    note: h.note,
    recordedAt: h.recordedAt,
    oldName: h.oldName,
    newName: h.newName,
    oldParent: nameOf(h.oldParentId),
    newParent: nameOf(h.newParentId),
    mergedInto: nameOf(h.mergedIntoId),
    mergedFrom: nameOf(h.mergedFromId),
  }));
  const children: UnitState[] = all
    .filter((u) => u.parentId === unit.id)
    .map((u) => currentState(u, today(deps)))
    .filter((u) => u.status === 'active' || u.status === 'planned');
  const canMove = isOpen && allowed('units.unit.move', unit.id);
  const canMerge = isOpen && allowed('units.unit.merge', unit.id);
  return {
    today: today(deps),
    unit,
    parent: unit.parentId ? { id: unit.parentId, name: nameOf(unit.parentId) ?? '' } : null,
    mergedInto: unit.mergedIntoId ? { id: unit.mergedIntoId, name: nameOf(unit.mergedIntoId) ?? '' } : null,
    children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    history: lines,
    can: {
      rename: isOpen && allowed('units.unit.update', unit.id),
      move: canMove,
      merge: canMerge,
      close: isOpen && allowed('units.unit.close', unit.id),
      reopen: !isOpen && allowed('units.unit.close', unit.id),
    },
    moveTargets: canMove
      ? open
          .filter((u) => !below.has(u.id) && u.id !== unit.parentId && allowed('units.unit.move', u.id))
          .map(choice)
      : [],
    moveToTop: canMove && unit.parentId !== null && canAtTop(actor, 'units.unit.move', open),
    mergeTargets: canMerge
      ? open.filter((u) => !below.has(u.id) && allowed('units.unit.merge', u.id)).map(choice)
      : [],
  };
}
