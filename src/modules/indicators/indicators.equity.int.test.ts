// The equity view from seeded attendance: distinct people per commune and age band against the population the
// administrator loaded, small cells hidden, communes nobody came from listed; the population CSV import checks
// every line and is idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { placesPort } from '../places/index.server.ts';
import { addEvent } from '../reports/reports.test-helpers.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { equityView, getEquityView } from './indicators.equity.server.ts';
import { importPopulation } from './indicators.population.server.ts';

describe('equity view', () => {
  let ctx: TestContext;
  let communes: string[] = [];
  let n = 0;

  /** A learner from the commune, born in the year, who attended the session. */
  const attendee = async (eventId: string, sessionId: string, commune: string | null, birthYear: number) => {
    const id = `lrn_eq${++n}`;
    await ctx.dbh.query(
      `INSERT INTO learner_profiles (id, manager_user_id, relation, display_name, birth_year, commune)
       VALUES ($1, 'usr_eq_manager', 'other', 'Người học', $2, $3)`,
      [id, birthYear, commune],
    );
    const reg = `reg_eq${n}`;
    await ctx.dbh.query(
      `INSERT INTO event_registrations (id, event_id, session_id, learner_id, name, email, status, ticket_code,
         cancel_token_hash, feedback_token_hash, idempotency_key)
       VALUES ($1, $2, $3, $4, 'Người học', 'eq@example.vn', 'confirmed', $1, $1, $1, $1)`,
      [reg, eventId, sessionId, id],
    );
    await ctx.dbh.query(
      `INSERT INTO event_attendance (id, event_id, session_id, registration_id) VALUES ($1, $2, $3, $4)`,
      [`att_eq${n}`, eventId, sessionId, reg],
    );
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const unit = await unitIdOf(ctx, 'thu-vien-tinh');
    // Three communes in the places data (the names profiles choose from).
    for (const [i, c] of ['Phường Equity Một', 'Xã Equity Hai', 'Xã Equity Ba'].entries())
      await ctx.dbh.query(
        `INSERT INTO places (id, unit_id, kind, name, commune) VALUES ($1, $2, 'community_library', $3, $4)`,
        [`plc_eq${i}`, unit, `Điểm đọc ${c}`, c],
      );
    communes = ['Phường Equity Một', 'Xã Equity Hai', 'Xã Equity Ba'];
    expect(await placesPort.communes(ctx.deps, ctx.deps.db)).toEqual(expect.arrayContaining(communes));
    const { eventId, sessionIds } = await addEvent(ctx, unit, { sessions: [{ at: '2026-03-10T02:00:00Z' }] });
    const s = sessionIds[0] ?? '';
    // Commune A: 12 adults (25–39) and 3 children; commune B: 11 people aged 40–59; one with no commune.
    for (let i = 0; i < 12; i++) await attendee(eventId, s, communes[0] ?? '', 1995);
    for (let i = 0; i < 3; i++) await attendee(eventId, s, communes[0] ?? '', 2016);
    for (let i = 0; i < 11; i++) await attendee(eventId, s, communes[1] ?? '', 1975);
    await attendee(eventId, s, null, 1990);
  });
  afterAll(() => ctx.close());

  it('loads population from CSV, line by line, once', async () => {
    const officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    const bad = await importPopulation(ctx.deps, officer, 'commune,year,population\nXã Không Có,2026,100\n');
    expect(bad).toEqual({ ok: false, errors: [{ line: 2, code: 'unknownCommune', commune: 'Xã Không Có' }] });
    const csv = `commune;year;population\n${communes[0]};2026;3.000\n${communes[1]};2026;2000\n${communes[2]};2025;500\n`;
    expect(await importPopulation(ctx.deps, officer, csv)).toEqual({ ok: true, imported: 3, changed: 3 });
    expect(await importPopulation(ctx.deps, officer, csv)).toEqual({ ok: true, imported: 3, changed: 0 });
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await expect(importPopulation(ctx.deps, staff, csv)).rejects.toMatchObject({ status: 403 });
    await expect(getEquityView(ctx.deps, staff, 2026)).rejects.toMatchObject({ status: 403 });
  });

  it('counts people per commune and age band against the population, hiding small cells', async () => {
    const v = await equityView(ctx.deps, 2026);
    expect(v.threshold).toBe(10);
    expect(v.sources).toContain('events.attendance');
    const a = v.rows.findIndex((r) => r.commune === communes[0]);
    const b = v.rows.findIndex((r) => r.commune === communes[1]);
    const unknown = v.rows.findIndex((r) => r.commune === '');
    const band = (x: string) => v.bands.indexOf(x as (typeof v.bands)[number]);
    expect(v.rows[a]).toMatchObject({ population: 3000, ratePerThousand: 5 });
    expect(v.table.rowTotals[a]).toBe(15);
    // 3 children: hidden, and with it the 12 adults (else 15 − 12 would give the 3 away).
    expect(v.table.cells[a]?.[band('0-15')]).toBeNull();
    expect(v.table.cells[a]?.[band('25-39')]).toBeNull();
    expect(v.table.cells[a]?.[band('60+')]).toBe(0);
    // The one person with no commune is hidden, and so is that row's total.
    expect(v.table.rowTotals[unknown]).toBeNull();
    // Every row and column hides none or at least two of its members.
    const lines = v.table.cells.map((row, r) => [...row, v.table.rowTotals[r]]);
    lines.push([...v.table.colTotals, v.table.total]);
    const columns = (lines[0] ?? []).map((_, c) => lines.map((l) => l[c]));
    for (const l of [...lines, ...columns]) expect(l.filter((x) => x === null).length).not.toBe(1);
    expect(v.table.total).toBe(27);
    // A hidden total hides the rate too.
    if (v.table.rowTotals[b] === null) expect(v.rows[b]?.ratePerThousand).toBeNull();
    else expect(v.rows[b]).toMatchObject({ population: 2000, ratePerThousand: 5.5 });
    // The third commune (population loaded for 2025, still used in 2026) had nobody.
    expect(v.noService).toContain(communes[2]);
    expect(v.noService).not.toContain(communes[0]);
  });
});
