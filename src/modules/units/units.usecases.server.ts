// Unit tree use cases: read the tree (today or as of a day), create, rename, move, merge, close, reopen.
// Every change appends unit_history and an audit entry in the same transaction.

import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { checkVersion } from '../../lib/versions.server.ts';
import { invalidateUnitTree } from '../access/access.unit-tree.ts';
import type { HistoryInput } from './units.repository.server.ts';
import {
  auditView,
  authorizeOnParent,
  checkEffectiveDay,
  isOpenOn,
  loadUnit,
  requireSomeGrant,
  today,
  type UnitDeps,
  unitError,
} from './units.rules.ts';
import type { CreateUnitInput, LifecycleInput, MergeUnitInput, TreeQuery } from './units.schemas.server.ts';
import type { UnitHistoryRow, UnitRow } from './units.table.server.ts';
import { currentState, subtreeIds, type TreeEntry, type UnitState } from './units.timeline.ts';

export type { UnitDeps };

export async function listUnitTree(
  deps: UnitDeps,
  actor: Actor,
  q: Partial<TreeQuery> = {},
): Promise<{ asOf: string; units: TreeEntry[] }> {
  authorize(actor, 'units.unit.read');
  const now = today(deps);
  const asOf = q.asOf ?? now;
  const units = await deps.repos.units.listTree(deps.db, {
    asOf,
    includeClosed: q.includeClosed,
    today: now,
  });
  return { asOf, units };
}

export async function getUnit(
  deps: UnitDeps,
  actor: Actor,
  unitId: string,
): Promise<{ unit: UnitState; history: UnitHistoryRow[] }> {
  authorize(actor, 'units.unit.read');
  const unit = await loadUnit(deps, deps.db, unitId);
  return {
    unit: currentState(unit, today(deps)),
    history: await deps.repos.units.history(deps.db, unitId),
  };
}

/** Runs a tree change in one transaction holding the tree lock; the access module's cache is dropped after. */
async function treeChange<T>(deps: UnitDeps, fn: (tx: Db) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction(async (tx) => {
    await deps.repos.units.lockTree(tx);
    return fn(tx);
  });
  invalidateUnitTree(deps);
  return result;
}

export async function createUnit(deps: UnitDeps, actor: Actor, input: CreateUnitInput): Promise<UnitState> {
  requireSomeGrant(actor, 'units.unit.create');
  const validFrom = input.validFrom ?? today(deps);
  const parentId = input.parentId ?? null;
  const row = await treeChange(deps, async (tx) => {
    if (parentId) {
      const parent = await deps.repos.units.get(tx, parentId);
      if (!parent) throw unitError('parent_not_found', 'units.error.parentNotFound');
      authorize(actor, 'units.unit.create', { unitId: parentId });
      if (!isOpenOn(parent, validFrom)) throw unitError('parent_closed', 'units.error.parentClosed');
    } else {
      await authorizeOnParent(deps, tx, actor, 'units.unit.create', null);
    }
    if (await deps.repos.units.byCode(tx, input.code)) {
      throw new AppError('units.code_taken', 409, 'units.error.codeTaken', { params: { code: input.code } });
    }
    const created = await deps.repos.units.insert(
      tx,
      {
        code: input.code,
        name: input.name,
        shortName: input.shortName,
        kind: input.kind,
        parentId,
        validFrom,
      },
      input.note ?? null,
    );
    await deps.audit.record(tx, actor, {
      action: 'units.unit.create',
      entityType: 'unit',
      entityId: created.id,
      unitId: created.id,
      before: null,
      after: auditView(created),
    });
    return created;
  });
  return currentState(row, today(deps));
}

export interface RenameInput {
  name: string;
  /** The version the form or client read; a stale one → 409 (absent: not checked, internal callers). */
  version?: number | undefined;
  effectiveOn?: string | undefined;
  note?: string | undefined;
}

type UnitPatch = Parameters<UnitDeps['repos']['units']['update']>[2];

/**
 * One change to one unit in `tx`: its new values, its history row effective on `day`, and the audit entry
 * (`after` adds to the audited view of the changed unit).
 */
async function writeChange(
  deps: UnitDeps,
  tx: Db,
  actor: Actor,
  unit: UnitRow,
  day: string,
  change: {
    action: string;
    patch: UnitPatch;
    history: Omit<HistoryInput, 'unitId' | 'effectiveOn'>;
    after?: Record<string, unknown>;
  },
): Promise<UnitRow> {
  const after = await deps.repos.units.update(tx, unit.id, change.patch);
  await deps.repos.units.appendHistory(tx, { unitId: unit.id, effectiveOn: day, ...change.history });
  await deps.audit.record(tx, actor, {
    action: change.action,
    entityType: 'unit',
    entityId: unit.id,
    unitId: unit.id,
    before: auditView(unit),
    after: { ...auditView(after), ...change.after },
  });
  return after;
}

async function renameIn(deps: UnitDeps, tx: Db, actor: Actor, unit: UnitRow, input: RenameInput) {
  authorize(actor, 'units.unit.update', { unitId: unit.id });
  if (input.version !== undefined) checkVersion('units.unit', unit.version, input.version);
  const day = input.effectiveOn ?? today(deps);
  if (!isOpenOn(unit, today(deps))) throw unitError('closed', 'units.error.closed');
  if (input.name === unit.name) throw unitError('same_name', 'units.error.sameName');
  await checkEffectiveDay(deps, tx, unit, day);
  return writeChange(deps, tx, actor, unit, day, {
    action: 'units.unit.rename',
    patch: { name: input.name },
    history: { change: 'rename', oldName: unit.name, newName: input.name, note: input.note ?? null },
    after: { effectiveOn: day },
  });
}

export interface MoveInput {
  parentId: string | null;
  effectiveOn?: string | undefined;
  note?: string | undefined;
  version?: number | undefined;
}

async function moveIn(deps: UnitDeps, tx: Db, actor: Actor, unit: UnitRow, input: MoveInput) {
  authorize(actor, 'units.unit.move', { unitId: unit.id });
  if (input.version !== undefined) checkVersion('units.unit', unit.version, input.version);
  const day = input.effectiveOn ?? today(deps);
  if (!isOpenOn(unit, today(deps))) throw unitError('closed', 'units.error.closed');
  if (input.parentId === unit.parentId) throw unitError('same_parent', 'units.error.sameParent');
  if (input.parentId) {
    const parent = await deps.repos.units.get(tx, input.parentId);
    if (!parent) throw unitError('parent_not_found', 'units.error.parentNotFound');
    const below = subtreeIds(await deps.repos.units.parentLinks(tx), unit.id);
    if (below.has(parent.id)) throw unitError('cycle', 'units.error.cycle');
    if (!isOpenOn(parent, day)) throw unitError('parent_closed', 'units.error.parentClosed');
  }
  await authorizeOnParent(deps, tx, actor, 'units.unit.move', input.parentId);
  await checkEffectiveDay(deps, tx, unit, day);
  return writeChange(deps, tx, actor, unit, day, {
    action: 'units.unit.move',
    patch: { parentId: input.parentId },
    history: {
      change: 'move',
      oldParentId: unit.parentId,
      newParentId: input.parentId,
      note: input.note ?? null,
    },
    after: { effectiveOn: day },
  });
}

export async function renameUnit(deps: UnitDeps, actor: Actor, unitId: string, input: RenameInput) {
  requireSomeGrant(actor, 'units.unit.update');
  const row = await treeChange(deps, async (tx) =>
    renameIn(deps, tx, actor, await loadUnit(deps, tx, unitId), input),
  );
  return currentState(row, today(deps));
}

export async function moveUnit(deps: UnitDeps, actor: Actor, unitId: string, input: MoveInput) {
  requireSomeGrant(actor, 'units.unit.move');
  const row = await treeChange(deps, async (tx) =>
    moveIn(deps, tx, actor, await loadUnit(deps, tx, unitId), input),
  );
  return currentState(row, today(deps));
}

/** PATCH: a rename, a move, or both on the same day, in one transaction. */
export async function updateUnit(
  deps: UnitDeps,
  actor: Actor,
  unitId: string,
  input: {
    name?: string | undefined;
    parentId?: string | null | undefined;
    effectiveOn?: string | undefined;
    note?: string | undefined;
    version: number;
  },
): Promise<UnitState> {
  requireSomeGrant(actor, input.name !== undefined ? 'units.unit.update' : 'units.unit.move');
  const row = await treeChange(deps, async (tx) => {
    let unit = await loadUnit(deps, tx, unitId);
    const common = { effectiveOn: input.effectiveOn ?? today(deps), note: input.note };
    // One check for the whole PATCH: a rename and a move together are one edit.
    if (input.name !== undefined)
      unit = await renameIn(deps, tx, actor, unit, { ...common, name: input.name, version: input.version });
    if (input.parentId !== undefined) {
      const version = input.name === undefined ? input.version : undefined;
      unit = await moveIn(deps, tx, actor, unit, { ...common, parentId: input.parentId, version });
    }
    return unit;
  });
  return currentState(row, today(deps));
}

/**
 * Merges `unitId` into `input.intoId`: the source closes on the day with merged_into_id set, its operating
 * children move to the target, and every unit touched gets a history row (the target an `absorb` row).
 */
export async function mergeUnit(deps: UnitDeps, actor: Actor, unitId: string, input: MergeUnitInput) {
  requireSomeGrant(actor, 'units.unit.merge');
  const day = input.effectiveOn ?? today(deps);
  const note = input.note ?? null;
  const row = await treeChange(deps, async (tx) => {
    const source = await loadUnit(deps, tx, unitId);
    authorize(actor, 'units.unit.merge', { unitId: source.id });
    if (input.intoId === source.id) throw unitError('merge_self', 'units.error.mergeSelf');
    const target = await deps.repos.units.get(tx, input.intoId);
    if (!target) throw unitError('target_not_found', 'units.error.targetNotFound');
    authorize(actor, 'units.unit.merge', { unitId: target.id });
    if (!isOpenOn(source, today(deps))) throw unitError('closed', 'units.error.closed');
    if (!isOpenOn(target, day)) throw unitError('target_closed', 'units.error.targetClosed');
    if (subtreeIds(await deps.repos.units.parentLinks(tx), source.id).has(target.id)) {
      throw unitError('merge_into_descendant', 'units.error.mergeIntoDescendant');
    }
    await checkEffectiveDay(deps, tx, source, day);
    await checkEffectiveDay(deps, tx, target, day);
    const children = await deps.repos.units.openChildren(tx, source.id, day);
    for (const child of children) {
      await checkEffectiveDay(deps, tx, child, day);
      await writeChange(deps, tx, actor, child, day, {
        action: 'units.unit.move',
        patch: { parentId: target.id },
        history: { change: 'move', oldParentId: source.id, newParentId: target.id, note },
        after: { effectiveOn: day, reason: 'merge', mergedFromId: source.id },
      });
    }
    const closed = await writeChange(deps, tx, actor, source, day, {
      action: 'units.unit.merge',
      patch: { validTo: day, mergedIntoId: target.id },
      history: { change: 'merge', mergedIntoId: target.id, note },
      after: { effectiveOn: day, movedChildIds: children.map((c) => c.id) },
    });
    await deps.repos.units.appendHistory(tx, {
      unitId: target.id,
      change: 'absorb',
      effectiveOn: day,
      mergedFromId: source.id,
      note,
    });
    return closed;
  });
  return currentState(row, today(deps));
}

export async function closeUnit(deps: UnitDeps, actor: Actor, unitId: string, input: LifecycleInput) {
  requireSomeGrant(actor, 'units.unit.close');
  const day = input.effectiveOn ?? today(deps);
  const row = await treeChange(deps, async (tx) => {
    const unit = await loadUnit(deps, tx, unitId);
    authorize(actor, 'units.unit.close', { unitId: unit.id });
    if (!isOpenOn(unit, today(deps))) throw unitError('closed', 'units.error.closed');
    const open = await deps.repos.units.openChildren(tx, unit.id, day);
    if (open.length > 0)
      throw unitError('has_open_children', 'units.error.hasOpenChildren', { count: open.length });
    await checkEffectiveDay(deps, tx, unit, day);
    return writeChange(deps, tx, actor, unit, day, {
      action: 'units.unit.close',
      patch: { validTo: day },
      history: { change: 'close', note: input.note ?? null },
    });
  });
  return currentState(row, today(deps));
}

export async function reopenUnit(deps: UnitDeps, actor: Actor, unitId: string, input: LifecycleInput) {
  requireSomeGrant(actor, 'units.unit.close');
  const day = input.effectiveOn ?? today(deps);
  const row = await treeChange(deps, async (tx) => {
    const unit = await loadUnit(deps, tx, unitId);
    authorize(actor, 'units.unit.close', { unitId: unit.id });
    if (isOpenOn(unit, today(deps))) throw unitError('not_closed', 'units.error.notClosed');
    if (unit.parentId) {
      const parent = await deps.repos.units.get(tx, unit.parentId);
      if (parent && !isOpenOn(parent, day)) throw unitError('parent_closed', 'units.error.parentClosed');
    }
    await checkEffectiveDay(deps, tx, unit, day);
    return writeChange(deps, tx, actor, unit, day, {
      action: 'units.unit.reopen',
      patch: { validTo: null, mergedIntoId: null },
      history: { change: 'reopen', note: input.note ?? null },
    });
  });
  return currentState(row, today(deps));
}
