// API shapes: dates as ISO days, history without internal row ids.
import type { UnitHistoryRow } from './units.table.server.ts';
import type { TreeEntry, UnitState } from './units.timeline.ts';

export const presentUnit = (u: UnitState) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  shortName: u.shortName,
  kind: u.kind,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
  mergedIntoId: u.mergedIntoId,
  status: u.status,
  ...(u.version !== undefined ? { version: u.version } : {}),
});

export const presentTreeEntry = (u: TreeEntry) => ({ ...presentUnit(u), depth: u.depth });

export const presentHistory = (h: UnitHistoryRow) => ({
  change: h.change,
  effectiveOn: h.effectiveOn,
  oldName: h.oldName,
  newName: h.newName,
  oldParentId: h.oldParentId,
  newParentId: h.newParentId,
  mergedIntoId: h.mergedIntoId,
  mergedFromId: h.mergedFromId,
  note: h.note,
  recordedAt: h.recordedAt.toISOString(),
});
