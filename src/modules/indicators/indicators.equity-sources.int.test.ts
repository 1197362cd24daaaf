// The equity view counts borrowers (circulation) and trainees (training) too, each contributed by its own module
// through the indicator source's `participants`: a loan returned by a reader who keeps no history (reader_id
// gone) still counts, a person who both borrowed and trained counts once, a loan outside the year does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSources } from '../../app/registries.server.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { checkin, checkout } from '../circulation/circulation.desk.usecases.server.ts';
import { insertRecord, lendableCopies, txn, walkIn } from '../circulation/circulation.test-helpers.ts';
import { erasePersonalData } from '../privacy/privacy.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { equityView } from './indicators.equity.server.ts';
import { yearWindow } from './indicators.scope.ts';

describe('equity view: borrowers and trainees', () => {
  let ctx: TestContext;
  const A = 'Phường Mượn Sách';
  const B = 'Xã Tập Huấn';

  const profile = (id: string, birthYear: number, commune: string) =>
    ctx.dbh.query(
      `INSERT INTO learner_profiles (id, manager_user_id, relation, display_name, birth_year, commune)
       VALUES ($1, $1, 'self', 'Người học', $2, $3)`,
      [id, birthYear, commune],
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    for (const [i, c] of [A, B].entries())
      await ctx.dbh.query(
        `INSERT INTO places (id, unit_id, kind, name, commune) VALUES ($1, $2, 'community_library', $3, $4)`,
        [`plc_eqsrc${i}`, library, `Điểm đọc ${c}`, c],
      );
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const desk = { unitId: library, placeId: null, routeId: null };
    const rec = await insertRecord(ctx, library, 'Truyện Kiều');
    const copies = await lendableCopies(ctx, staff, library, rec, 15);
    // Ten trainees (self profiles in B, born 1980) attending a session on 04/5/2027.
    await ctx.dbh.query(
      `INSERT INTO training_courses (id, unit_id, organiser_level, organiser, title, starts_on, ends_on)
       VALUES ('trc_eqsrc', $1, 'unit', 'Thư viện tỉnh', 'Nghiệp vụ', '2027-05-04', '2027-05-04')`,
      [library],
    );
    await ctx.dbh.query(
      `INSERT INTO training_sessions (id, course_id, held_on, hours) VALUES ('trs_eqsrc', 'trc_eqsrc', '2027-05-04', 4)`,
    );
    for (let i = 0; i < 10; i++) {
      const id = `usr_eqsrctrainee${i}`;
      await profile(id, 1980, B);
      await ctx.dbh.query(
        `INSERT INTO training_participants (course_id, user_id, unit_id) VALUES ('trc_eqsrc', $1, $2)`,
        [id, library],
      );
      await ctx.dbh.query(
        `INSERT INTO training_attendance (session_id, course_id, user_id) VALUES ('trs_eqsrc', 'trc_eqsrc', $1)`,
        [id],
      );
    }
    // Twelve borrowers in A (born 1995) in March 2027, eleven of whom returned the book (no history kept);
    // the first trainee borrows too; one more borrower's only loan is in 2026.
    const lend = async (learnerId: string, at: string, giveBack: boolean, i: number) => {
      const reader = await walkIn(ctx, staff, library, { learnerId });
      ctx.deps.now = () => new Date(at);
      await checkout(ctx.deps, staff, desk, {
        card: reader.cardNumber,
        barcode: copies[i] ?? '',
        txnId: txn(),
      });
      if (giveBack) await checkin(ctx.deps, staff, desk, { barcode: copies[i] ?? '', txnId: txn() });
    };
    for (let i = 0; i < 12; i++) {
      await profile(`lrn_eqsrcborrower${i}`, 1995, A);
      await lend(`lrn_eqsrcborrower${i}`, '2027-03-01T02:00:00Z', i > 0, i);
    }
    await lend('usr_eqsrctrainee0', '2027-03-02T02:00:00Z', false, 12);
    await profile('lrn_eqsrclastyear', 1995, A);
    await lend('lrn_eqsrclastyear', '2026-12-31T16:30:00Z', true, 13); // 31/12/2026 23:30 Vietnam time
  });
  afterAll(() => ctx?.close());

  it('counts distinct borrowers and trainees per commune and age band', async () => {
    const nulled = await ctx.dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM circulation_loans WHERE reader_id IS NULL`,
    );
    expect(nulled[0]?.n).toBeGreaterThan(0);
    const v = await equityView(ctx.deps, 2027);
    expect(v.sources).toEqual(
      expect.arrayContaining(['circulation.activeReaders', 'training.staff_trained']),
    );
    const row = (c: string) => v.rows.findIndex((r) => r.commune === c);
    expect(v.table.rowTotals[row(A)]).toBe(12);
    expect(v.table.cells[row(A)]?.[v.bands.indexOf('25-39')]).toBe(12);
    expect(v.table.rowTotals[row(B)]).toBe(10);
    expect(v.table.cells[row(B)]?.[v.bands.indexOf('40-59')]).toBe(10);
    expect(v.table.total).toBe(22);
    const y2026 = await equityView(ctx.deps, 2026);
    expect(y2026.noService).toContain(B);
    expect(y2026.rows.find((r) => r.commune === A)).toBeDefined();
  });

  it('keeps the aggregates when a borrower and a trainee are erased (they move to “commune not declared”)', async () => {
    const q = { ...yearWindow(2027) };
    const figures = async () =>
      Promise.all(
        ['circulation.loans', 'circulation.activeReaders', 'training.staff_trained'].map(
          async (k) => (await indicatorSources.get(k)?.compute(ctx.deps, q))?.[0]?.value,
        ),
      );
    const before = await figures();
    expect(before).toEqual([13, 13, 10]);
    for (const id of ['lrn_eqsrcborrower0', 'usr_eqsrctrainee1'])
      await erasePersonalData(ctx.deps, { userId: id, learnerIds: [id], emails: [], phones: [] });
    expect(await figures()).toEqual(before);
    const v = await equityView(ctx.deps, 2027);
    const row = (c: string) => v.rows.findIndex((r) => r.commune === c);
    expect([v.table.rowTotals[row(A)], v.table.rowTotals[row(B)]]).toEqual([11, null]); // 9 in B: under 10, hidden
    expect(v.rows.some((r) => r.commune === '')).toBe(true);
    expect(v.table.total).toBe(22);
  });
});
