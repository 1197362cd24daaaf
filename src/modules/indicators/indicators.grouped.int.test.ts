// The fast path (one `year`-grouped query per indicator for a dashboard, one `unit`-grouped query rolled up over
// the unit tree for a report, each session's attendance kept by triggers) gives exactly the figures of the direct
// path (one query per unit × indicator × year over the raw rows) on the same data: a year boundary, cancelled
// events and sessions, a unit merged in 2025, records and exhibitions, values units entered; and the sessions'
// attendance stays equal to the raw rows after inserts, updates, moves and deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { addAttendance, addEvent, addMergedUnit } from '../reports/reports.test-helpers.ts';
import { consolidate } from '../reports/reports.values.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { dashboard } from './indicators.dashboard.server.ts';

describe('grouped indicator computation equals the direct one', () => {
  let ctx: TestContext;
  let library: string;
  let museum: string;
  let officer: Actor;
  let librarian: Actor;
  let sessions: string[] = [];
  let eventId = '';

  beforeAll(async () => {
    ctx = await createTestContext();
    const root = await unitIdOf(ctx, 'so-vhttdl');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const oldLibrary = await addMergedUnit(ctx, 'tv-cu-grouped', root, library);
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    librarian = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    const e1 = await addEvent(ctx, library, {
      category: 'reading',
      sessions: [
        { at: '2024-12-31T19:00:00+07:00', attendance: [10, 2] },
        { at: '2025-01-01T06:00:00+07:00', attendance: [5, 3] },
        { at: '2025-04-21T09:00:00+07:00', attendance: [7] },
        { at: '2025-05-02T09:00:00+07:00', cancelled: true, attendance: [40] },
      ],
    });
    sessions = e1.sessionIds;
    eventId = e1.eventId;
    await addEvent(ctx, library, {
      status: 'cancelled',
      sessions: [{ at: '2025-03-01T09:00:00+07:00', attendance: [50] }],
    });
    await addEvent(ctx, museum, {
      category: 'heritage',
      sessions: [
        { at: '2025-05-18T09:00:00+07:00', attendance: [30, 1] },
        { at: '2026-01-02T09:00:00+07:00' },
      ],
    });
    await addEvent(ctx, oldLibrary, { sessions: [{ at: '2024-05-18T09:00:00+07:00', attendance: [20] }] });
    await addEvent(ctx, oldLibrary, { sessions: [{ at: '2023-09-01T09:00:00+07:00', attendance: [4] }] });
    for (const [i, [unit, at]] of [
      [library, '2025-02-01T00:30:00+07:00'],
      [library, '2024-12-31T23:30:00+07:00'],
      [museum, '2025-07-01T10:00:00+07:00'],
      [oldLibrary, '2023-03-03T10:00:00+07:00'],
    ].entries()) {
      await ctx.dbh.query(
        `INSERT INTO catalogue_records (id, type, title, unit_id, created_at) VALUES ($1, 'book', 'Sách', $2, $3)`,
        [`rec_grouped_${i}`, unit, at],
      );
    }
    await ctx.dbh.query(
      `INSERT INTO exhibitions (id, slug, unit_id, title_vi, status, published_at)
       VALUES ('exh_grouped_1', 'trung-bay-grouped', $1, 'Trưng bày', 'published', '2025-06-01T09:00:00+07:00')`,
      [museum],
    );
    const manual = (await ctx.deps.repos.indicators.definitions(ctx.deps.db)).filter(
      (d) => d.active && d.sourceKind === 'manual',
    );
    for (const [i, d] of manual.slice(0, 2).entries()) {
      for (const [unit, year, value] of [
        [library, 2024, 40 + i],
        [library, 2025, 60 + i],
        [museum, 2025, 25],
        [oldLibrary, 2024, 12],
      ] as const) {
        await ctx.deps.repos.indicators.upsertManualValue(
          ctx.deps.db,
          { indicatorId: d.id, unitId: unit, year, value, evidence: 'Biên bản' },
          null,
        );
      }
    }
  });
  afterAll(() => ctx.close());

  it('keeps each session’s attendance equal to its attendance rows', async () => {
    const drift = async () =>
      (
        await ctx.dbh.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM event_sessions s
            WHERE s.attendance_people <> (SELECT coalesce(sum(party_size), 0) FROM event_attendance a
                                           WHERE a.session_id = s.id)`,
        )
      )[0]?.n;
    expect(await drift()).toBe(0);
    await addAttendance(ctx, eventId, sessions[2] as string, 6);
    await ctx.dbh.query(`UPDATE event_attendance SET party_size = party_size + 1 WHERE session_id = $1`, [
      sessions[0],
    ]);
    await ctx.dbh.query(
      `UPDATE event_attendance SET session_id = $1 WHERE session_id = $2 AND party_size = 3`,
      [sessions[2], sessions[1]],
    );
    await ctx.dbh.query(`DELETE FROM event_attendance WHERE session_id = $1 AND party_size = 5`, [
      sessions[1],
    ]);
    expect(await drift()).toBe(0);
    const people = await ctx.dbh.query<{ p: string }>(
      'SELECT attendance_people::text AS p FROM event_sessions WHERE id = ANY($1) ORDER BY starts_at',
      [sessions],
    );
    // 10+1, 2+1 | moved away 3, deleted 5 | 7 + 6 + 3 | cancelled 40
    expect(people.map((r) => Number(r.p))).toEqual([14, 0, 16, 40]);
  });

  it('gives the same dashboards (province and a unit, every year and indicator)', async () => {
    const codes = (await ctx.deps.repos.indicators.definitions(ctx.deps.db))
      .filter((d) => d.active)
      .map((d) => d.code);
    const same = async (actor: Actor, f: { year: number; indicator?: string | undefined }) =>
      expect(await dashboard(ctx.deps, actor, f)).toEqual(
        await dashboard(ctx.deps, actor, f, { direct: true }),
      );
    for (const year of [2023, 2024, 2025, 2026]) {
      for (const actor of [officer, librarian]) await same(actor, { year, indicator: 'SK-03' });
    }
    // Every indicator chosen once (trend, by unit, by day for each aggregation and source kind).
    for (const indicator of codes) await same(officer, { year: 2025, indicator });
    const d2025 = await dashboard(ctx.deps, officer, { year: 2025, indicator: 'SK-03' });
    expect(d2025.figures.find((x) => x.code === 'SK-03')?.value).toBeGreaterThan(0);
  }, 240_000);

  it('gives the same consolidated report (one year and a multi-year review)', async () => {
    for (const code of ['nam-2024', 'nam-2025', 'so-ket-2025']) {
      const period = await ctx.deps.repos.reports.period(ctx.deps.db, code);
      if (!period) throw new Error(`no period ${code}`);
      const fast = await consolidate(ctx.deps, period);
      const direct = await consolidate(ctx.deps, period, null, { direct: true });
      expect({ ...fast, takenAt: '' }).toEqual({ ...direct, takenAt: '' });
      expect(fast.rows.some((r) => (r.total ?? 0) > 0)).toBe(true);
      const one = await consolidate(ctx.deps, period, library);
      const oneDirect = await consolidate(ctx.deps, period, library, { direct: true });
      expect({ ...one, takenAt: '' }).toEqual({ ...oneDirect, takenAt: '' });
    }
  }, 120_000);
});
