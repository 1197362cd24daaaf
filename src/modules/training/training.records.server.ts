// Training records: one person's courses, hours and certificates (their own, or of staff of units the reader
// covers), and a unit's record for a year (per person: courses, hours attended, certificates received).
import { authorize, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { notFound } from '../../lib/errors.ts';
import { accountsPort } from '../auth/index.server.ts';
import type { TrainingDeps } from './training.usecases.server.ts';

export async function personRecord(deps: TrainingDeps, actor: Actor, userId: string) {
  if (actor.kind !== 'user') authorize(actor, 'training.record.read', {});
  const rows = await deps.repos.training.recordOf(deps.db, userId);
  const self = actor.kind === 'user' && actor.userId === userId;
  const visible = self ? rows : rows.filter((r) => can(actor, 'training.record.read', { unitId: r.unitId }));
  if (!self && visible.length === 0) throw notFound('training.record');
  const user = await accountsPort.findById(deps, userId);
  return {
    userId,
    name: user?.name ?? '—',
    courses: visible,
    totalHours: visible.reduce((s, r) => s + r.hours, 0),
    certificates: visible.filter((r) => r.certificateFileId).length,
  };
}

export async function unitRecord(deps: TrainingDeps, actor: Actor, unitId: string, year: number) {
  authorize(actor, 'training.record.read', { unitId });
  const units = await deps.repos.units.all(deps.db);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('unit');
  const subtree = new Set([unitId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units)
      if (u.parentId && subtree.has(u.parentId) && !subtree.has(u.id)) {
        subtree.add(u.id);
        grew = true;
      }
  }
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = await deps.repos.training.unitRecord(
    deps.db,
    [...subtree],
    `${year}-01-01`,
    `${year + 1}-01-01`,
  );
  const people = [];
  for (const r of rows) {
    const user = await accountsPort.findById(deps, r.userId);
    people.push({ ...r, name: user?.name ?? '—', unitName: names.get(r.unitId) ?? '' });
  }
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    people,
    totalHours: people.reduce((s, p) => s + p.hours, 0),
  };
}

/** Units whose record the actor may read (the unit-record page's choices). */
export async function recordUnits(deps: TrainingDeps, actor: Actor) {
  const units = await deps.repos.units.all(deps.db);
  return units
    .filter((u) => can(actor, 'training.record.read', { unitId: u.id }))
    .map((u) => ({ id: u.id, name: u.name }));
}
