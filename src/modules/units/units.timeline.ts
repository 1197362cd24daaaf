// Reconstructs a unit as it stood on a given day from its current row and its history. Pure functions, so
// the rules are tested without a database. Dates are ISO calendar days ('YYYY-MM-DD'), which sort as text.
import { vnCollator } from '../../lib/vn-text.ts';
import { UNIT_KINDS } from './units.kinds.ts';
import type { UnitHistoryRow, UnitRow } from './units.table.server.ts';

export type UnitStatus = 'planned' | 'active' | 'closed' | 'merged';

export interface UnitState {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  mergedIntoId: string | null;
  status: UnitStatus;
  /** The optimistic version, where the unit was read whole (not in tree listings). */
  version?: number;
}

export interface TreeEntry extends UnitState {
  depth: number;
}

export function statusOn(
  u: Pick<UnitRow, 'validFrom' | 'validTo' | 'mergedIntoId'>,
  day: string,
): UnitStatus {
  if (u.validFrom > day) return 'planned';
  if (u.validTo !== null && u.validTo <= day) return u.mergedIntoId ? 'merged' : 'closed';
  return 'active';
}

const chronological = (a: UnitHistoryRow, b: UnitHistoryRow) =>
  a.effectiveOn === b.effectiveOn ? a.id - b.id : a.effectiveOn < b.effectiveOn ? -1 : 1;

/**
 * The unit as of `day`: its name and parent from rename/move rows, its closure from close/merge/reopen rows.
 * `history` is this unit's rows in any order. Returns null when the unit did not exist yet on that day.
 */
export function unitAsOf(unit: UnitRow, history: readonly UnitHistoryRow[], day: string): UnitState | null {
  if (unit.validFrom > day) return null;
  const rows = [...history].sort(chronological);
  const upTo = rows.filter((r) => r.effectiveOn <= day);
  const later = rows.filter((r) => r.effectiveOn > day);

  const lastOf = (list: UnitHistoryRow[], change: UnitHistoryRow['change'][]) =>
    list.filter((r) => change.includes(r.change)).at(-1);
  const firstOf = (list: UnitHistoryRow[], change: UnitHistoryRow['change'][]) =>
    list.find((r) => change.includes(r.change));

  const renamed = lastOf(upTo, ['rename']);
  const nextRename = firstOf(later, ['rename']);
  const name = renamed?.newName ?? nextRename?.oldName ?? unit.name;

  const moved = lastOf(upTo, ['move']);
  const nextMove = firstOf(later, ['move']);
  const parentId = moved ? moved.newParentId : nextMove ? nextMove.oldParentId : unit.parentId;

  const lifecycle = ['close', 'merge', 'reopen'] as UnitHistoryRow['change'][];
  let validTo: string | null;
  let mergedIntoId: string | null;
  if (rows.some((r) => lifecycle.includes(r.change))) {
    const last = lastOf(upTo, lifecycle);
    const closed = last && last.change !== 'reopen';
    validTo = closed ? last.effectiveOn : null;
    mergedIntoId = closed && last.change === 'merge' ? last.mergedIntoId : null;
  } else {
    validTo = unit.validTo !== null && unit.validTo <= day ? unit.validTo : null;
    mergedIntoId = validTo ? unit.mergedIntoId : null;
  }
  const state = { validFrom: unit.validFrom, validTo, mergedIntoId };
  return {
    id: unit.id,
    code: unit.code,
    name,
    shortName: unit.shortName,
    kind: unit.kind,
    parentId,
    ...state,
    status: statusOn(state, day),
  };
}

/** The current row as a state (no history needed): what the tree shows today. */
export function currentState(unit: UnitRow, today: string): UnitState {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    kind: unit.kind,
    parentId: unit.parentId,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    mergedIntoId: unit.mergedIntoId,
    status: statusOn(unit, today),
    version: unit.version,
  };
}

const kindRank = (kind: string) => {
  const i = (UNIT_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? UNIT_KINDS.length : i;
};

/**
 * Orders units depth-first (siblings by kind, then Vietnamese name) and gives each its depth. A unit whose
 * parent is not in the list (closed or not yet created on that day) is shown at the top level.
 */
export function orderTree(states: readonly UnitState[]): TreeEntry[] {
  const ids = new Set(states.map((s) => s.id));
  const children = new Map<string | null, UnitState[]>();
  for (const s of states) {
    const key = s.parentId && ids.has(s.parentId) ? s.parentId : null;
    const list = children.get(key) ?? [];
    list.push(s);
    children.set(key, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || vnCollator.compare(a.name, b.name));
  }
  const out: TreeEntry[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const s of children.get(parent) ?? []) {
      if (seen.has(s.id)) continue; // bad data with a cycle must not loop forever
      seen.add(s.id);
      out.push({ ...s, depth });
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** `rootId` and every unit below it, from parent links. */
export function subtreeIds(links: ReadonlyArray<{ id: string; parentId: string | null }>, rootId: string) {
  const children = new Map<string, string[]>();
  for (const l of links) {
    if (!l.parentId) continue;
    const list = children.get(l.parentId) ?? [];
    list.push(l.id);
    children.set(l.parentId, list);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
