// Indicators computed from seeded activity against hand-computed numbers: a session late on 31/12 and one early
// on 1/1 (Vietnam time), a cancelled event and a cancelled session, a unit merged in 2025 whose earlier activity
// its successor reports; distinct counts over a multi-year period; permissions of the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { addEvent, addMergedUnit } from '../reports/reports.test-helpers.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { computeContext, computeValue } from './indicators.compute.server.ts';
import { dashboard } from './indicators.dashboard.server.ts';

describe('indicators from recorded activity', () => {
  let ctx: TestContext;
  let library: string;
  let museum: string;
  let oldLibrary: string;
  let officer: Actor;
  let librarian: Actor;
  let curator: Actor;

  beforeAll(async () => {
    ctx = await createTestContext();
    const root = await unitIdOf(ctx, 'so-vhttdl');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    oldLibrary = await addMergedUnit(ctx, 'tv-huyen-cu', root, library);
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    librarian = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    // E1: 31/12/2024 19:00 and 01/01/2025 06:00 Vietnam time (the second is still 31/12 in UTC).
    await addEvent(ctx, library, {
      sessions: [
        { at: '2024-12-31T19:00:00+07:00', attendance: [10] },
        { at: '2025-01-01T06:00:00+07:00', attendance: [5, 3] },
      ],
    });
    // A cancelled event counts nowhere, whatever its attendance.
    await addEvent(ctx, library, {
      status: 'cancelled',
      sessions: [{ at: '2025-03-01T09:00:00+07:00', attendance: [50] }],
    });
    // A cancelled session does not count; the other session is on 21/4 (Ngày Sách và Văn hóa đọc).
    await addEvent(ctx, library, {
      sessions: [
        { at: '2025-04-20T09:00:00+07:00', cancelled: true, attendance: [40] },
        { at: '2025-04-21T09:00:00+07:00', attendance: [7] },
      ],
    });
    // The old district library (merged into the provincial library on 01/7/2025) held one in 2024.
    await addEvent(ctx, oldLibrary, { sessions: [{ at: '2024-05-18T09:00:00+07:00', attendance: [20] }] });
  });
  afterAll(() => ctx.close());

  const figure = (d: Awaited<ReturnType<typeof dashboard>>, code: string) =>
    d.figures.find((f) => f.code === code)?.value;

  it('counts a session in the Vietnamese year it starts in, skipping cancelled events and sessions', async () => {
    const y2024 = await dashboard(ctx.deps, officer, { year: 2024 });
    expect([figure(y2024, 'SK-01'), figure(y2024, 'SK-02'), figure(y2024, 'SK-03')]).toEqual([2, 2, 30]);
    const y2025 = await dashboard(ctx.deps, officer, { year: 2025 });
    expect([figure(y2025, 'SK-01'), figure(y2025, 'SK-02'), figure(y2025, 'SK-03')]).toEqual([2, 2, 15]);
    expect(y2025.figures.find((f) => f.code === 'SK-03')?.previous).toBe(30);
  });

  it('counts an event spanning the year boundary once over a multi-year period (distinct), its sessions in each year', async () => {
    const defs = await ctx.deps.repos.indicators.definitions(ctx.deps.db);
    const c = await computeContext(ctx.deps, defs);
    const def = (code: string) => defs.find((d) => d.code === code) as (typeof defs)[number];
    expect(await computeValue(c, def('SK-01'), { years: [2023, 2024, 2025] })).toBe(3);
    expect(await computeValue(c, def('SK-02'), { years: [2023, 2024, 2025] })).toBe(4);
    expect(await computeValue(c, def('SK-03'), { years: [2023, 2024, 2025] })).toBe(45);
  });

  it('attributes a merged unit’s earlier activity to it by unit, and includes it in its successor’s figures', async () => {
    const d = await dashboard(ctx.deps, officer, { year: 2024, indicator: 'SK-03' });
    expect(Object.fromEntries(d.byUnit.map((r) => [r.unitId, r.value]))).toEqual({
      [library]: 10,
      [oldLibrary]: 20,
    });
    expect(d.byUnit.find((r) => r.unitId === oldLibrary)?.mergedInto).toBe('Thư viện tỉnh');
    const lib = await dashboard(ctx.deps, librarian, { year: 2024, unitId: library });
    expect(figure(lib, 'SK-03')).toBe(30);
    const mus = await dashboard(ctx.deps, officer, { year: 2024, unitId: museum });
    expect(figure(mus, 'SK-03')).toBe(0);
  });

  it('breaks attendance down by commemorative day', async () => {
    const d = await dashboard(ctx.deps, officer, { year: 2025, indicator: 'SK-03' });
    expect(d.byDay?.days.find((x) => x.code === 'ngay-sach-van-hoa-doc')?.value).toBe(7);
    expect(d.byDay?.other).toBe(8);
  });

  it('shows seeded national targets with their status, and trend by year', async () => {
    const d = await dashboard(ctx.deps, officer, { year: 2025, set: 'qd1520', indicator: 'BT-GD' });
    const museums = d.figures.find((f) => f.code === 'BT-GD');
    expect([museums?.target, museums?.targetStatus, museums?.value]).toEqual([70, 'confirmed', null]);
    expect(d.figures.find((f) => f.code === 'TTVH')?.targetStatus).toBe('draft');
    expect(d.trend.map((r) => r.year)).toEqual([2023, 2024, 2025]);
    expect(d.trend.find((r) => r.year === 2025)?.target).toBe(70);
  });

  it('lets a unit see only its own dashboard; the Department sees every unit', async () => {
    await expect(dashboard(ctx.deps, curator, { year: 2024, unitId: library })).rejects.toMatchObject({
      status: 403,
    });
    const own = await dashboard(ctx.deps, curator, { year: 2024 });
    expect(own.unitId).toBe(museum);
    expect(own.units.map((u) => u.id)).toEqual([museum]);
    const res = await ctx.request(`/api/v1/indicators/dashboard?year=2024&unit=${library}`);
    expect(res.status).toBe(401);
  });
});
