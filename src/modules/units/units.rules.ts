// Checks shared by the unit use cases: who may act where, and which effective dates are acceptable.

import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, scopeRoots } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { UnitRow } from './units.table.server.ts';

export type UnitDeps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'audit' | 'now'>;

export const today = (deps: Pick<AppDeps, 'now'>) => isoDateInVietnam(deps.now());

export const unitNotFound = () => new AppError('units.not_found', 404, 'units.error.notFound');
export const unitError = (
  code: string,
  key: ConstructorParameters<typeof AppError>[2],
  params?: Record<string, string | number>,
) => new AppError(`units.${code}`, 422, key, params ? { params } : {});

/** Anonymous → 401, a user without the role anywhere → 403, before anything is looked up. */
export function requireSomeGrant(actor: Actor, action: string): void {
  if (scopeRoots(actor, action).length === 0) authorize(actor, action, {});
}

/** Placing a unit at the top level needs the permission on every current top-level unit. */
export async function authorizeOnParent(
  deps: UnitDeps,
  db: Db,
  actor: Actor,
  action: string,
  parentId: string | null,
): Promise<void> {
  if (parentId) {
    authorize(actor, action, { unitId: parentId });
    return;
  }
  for (const root of await deps.repos.units.roots(db)) authorize(actor, action, { unitId: root.id });
}

export async function loadUnit(deps: UnitDeps, db: Db, unitId: string): Promise<UnitRow> {
  const unit = await deps.repos.units.get(db, unitId);
  if (!unit) throw unitNotFound();
  return unit;
}

export function isOpenOn(unit: UnitRow, day: string): boolean {
  return unit.validTo === null || unit.validTo > day;
}

/**
 * A change takes effect on a day no later than today and no earlier than the unit's start or its last
 * recorded change, so the current row is always the result of its history applied in order.
 */
export async function checkEffectiveDay(deps: UnitDeps, db: Db, unit: UnitRow, day: string): Promise<void> {
  if (day > today(deps)) throw unitError('future_date', 'units.error.futureDate');
  const last = await deps.repos.units.lastChangeOn(db, unit.id);
  const floor = last && last > unit.validFrom ? last : unit.validFrom;
  if (day < floor) {
    throw unitError('date_too_early', 'units.error.dateTooEarly', {
      date: formatIsoDay(floor),
      unit: unit.name,
    });
  }
}

/** What the audit log keeps of a unit. */
export function auditView(u: UnitRow) {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    validFrom: u.validFrom,
    validTo: u.validTo,
    mergedIntoId: u.mergedIntoId,
  };
}
