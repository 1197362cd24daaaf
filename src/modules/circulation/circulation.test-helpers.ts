// Fixtures for the circulation tests: catalogue records and holdings written with SQL (the catalogue module
// owns their use cases), made lendable through the circulation use case.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import type { Desk } from './circulation.desk.usecases.server.ts';
import { addItem, registerReader } from './circulation.readers.usecases.server.ts';

const hex = () => randomBytes(6).toString('hex');

export async function insertRecord(ctx: TestContext, unitId: string, title: string): Promise<string> {
  const id = `rec_${hex()}`;
  await ctx.dbh.query(
    'INSERT INTO catalogue_records (id, type, title, unit_id, published) VALUES ($1, $2, $3, $4, true)',
    [id, 'book', title, unitId],
  );
  return id;
}

/** `n` copies of a record at a unit, lendable; returns their barcodes. */
export async function lendableCopies(
  ctx: TestContext,
  actor: Actor,
  unitId: string,
  recordId: string,
  n: number,
  home: { placeId?: string | null; routeId?: string | null } = {},
): Promise<string[]> {
  const barcodes: string[] = [];
  for (let i = 0; i < n; i++) {
    const barcode = `TV${hex().toUpperCase()}`;
    await ctx.dbh.query(
      'INSERT INTO catalogue_holdings (id, record_id, unit_id, barcode) VALUES ($1, $2, $3, $4)',
      [`hld_${hex()}`, recordId, unitId, barcode],
    );
    await addItem(ctx.deps, actor, {
      barcode,
      itemKind: 'book',
      homePlaceId: home.placeId ?? null,
      homeRouteId: home.routeId ?? null,
    });
    barcodes.push(barcode);
  }
  return barcodes;
}

let n = 0;
export async function walkIn(
  ctx: TestContext,
  actor: Actor,
  unitId: string,
  over: { learnerId?: string } = {},
) {
  n++;
  return registerReader(ctx.deps, actor, {
    unitId,
    name: `Bạn đọc ${n}`,
    phone: null,
    email: `ban-doc-${n}-${hex()}@example.vn`,
    birthYear: 1990,
    category: 'adult',
    guardianName: null,
    consent: true,
    learnerId: over.learnerId ?? null,
  });
}

export const txn = () => `t-${hex()}${hex()}`;

export interface DeskFixture {
  ctx: TestContext;
  /** Staff of the provincial library (thu-vien-tinh). */
  staff: Actor;
  libraryId: string;
  /** The library's own desk: no branch place, no mobile route. */
  desk: Desk;
}

/** A test database with the provincial library's staff at its desk (call in `beforeAll`). */
export async function openDeskFixture(): Promise<DeskFixture> {
  const ctx = await createTestContext();
  const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  return {
    ctx,
    staff: await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'),
    libraryId,
    desk: { unitId: libraryId, placeId: null, routeId: null },
  };
}
