import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../../lib/authz.ts';
import { postForm } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, auditCount } from '../../units/units.test-helpers.ts';
import {
  appraiseBudgetLine,
  createBudgetLine,
  getBudgetLine,
  listBudget,
  recordBudgetSpending,
  updateBudgetLine,
} from './budget.usecases.server.ts';

describe('the plan’s budget', () => {
  let ctx: TestContext;
  let library: Actor;
  let museum: Actor;
  let finance: Actor;
  let officer: Actor;
  let leader: Actor;
  const unit: Record<string, string> = {};
  const as = (actor: Actor) => {
    ctx.deps.actors = { resolve: async () => actor };
  };
  async function instanceOf(sourceKey: string, year: number): Promise<string> {
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, sourceKey);
    const id = task?.instances.find((i) => i.year === year)?.id;
    if (!id) throw new Error(`no instance ${sourceKey} ${year}`);
    return id;
  }
  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    finance = await actorOn(ctx, 'finance_officer', 'phong-khtc');
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    leader = await actorOn(ctx, 'leader', 'ban-giam-doc');
    for (const code of ['thu-vien-tinh', 'bao-tang-tinh', 'phong-qlvhgd']) {
      const u = await ctx.deps.repos.units.byCode(ctx.deps.db, code);
      unit[code] = u?.id ?? '';
    }
  });
  afterAll(() => ctx?.close());

  describe('estimates by units', () => {
    it('lets library staff estimate the library’s part of a task it leads, audited', async () => {
      const instanceId = await instanceOf('PL1-II-1', 2025);
      const line = await createBudgetLine(ctx.deps, library, {
        instanceId,
        unitId: unit['thu-vien-tinh'] ?? '',
        content: 'In tài liệu hướng dẫn bạn đọc',
        amount: 12_500_000,
        source: 'ngan_sach_su_nghiep',
      });
      expect(line).toMatchObject({ year: 2025, unitName: 'Thư viện tỉnh', amount: 12_500_000, version: 1 });
      expect(line.approvedAmount).toBeNull();
      expect(await auditCount(ctx, 'plan.budget.create', line.id)).toBe(1);
    });

    it('refuses a line for another unit of the task (403) and for a unit not on the task (422)', async () => {
      const shared = await instanceOf('PL1-III-1', 2024); // led by the library and the museum, among others
      await expect(
        createBudgetLine(ctx.deps, library, {
          instanceId: shared,
          unitId: unit['bao-tang-tinh'] ?? '',
          content: 'Thử',
          amount: 1,
          source: 'xa_hoi_hoa',
        }),
      ).rejects.toMatchObject({ status: 403 });
      const libraryOnly = await instanceOf('PL1-II-1', 2025);
      await expect(
        createBudgetLine(ctx.deps, museum, {
          instanceId: libraryOnly,
          unitId: unit['bao-tang-tinh'] ?? '',
          content: 'Thử',
          amount: 1,
          source: 'xa_hoi_hoa',
        }),
      ).rejects.toMatchObject({ status: 404 }); // the museum does not even see the library's task
      await expect(
        createBudgetLine(ctx.deps, finance, {
          instanceId: libraryOnly,
          unitId: unit['thu-vien-tinh'] ?? '',
          content: 'Thử',
          amount: 1,
          source: 'xa_hoi_hoa',
        }),
      ).rejects.toMatchObject({ status: 403 });
      const other = await instanceOf('PL1-II-2', 2025); // museum's task, the library is not on it
      await expect(
        createBudgetLine(ctx.deps, officer, {
          instanceId: other,
          unitId: unit['thu-vien-tinh'] ?? '',
          content: 'Thử',
          amount: 1,
          source: 'xa_hoi_hoa',
        }),
      ).rejects.toMatchObject({ status: 422, code: 'plan.budget.unit_not_on_task' });
    });

    it('hides another unit’s lines: guessed ids answer 404 in use cases, the API and pages', async () => {
      const shared = await instanceOf('PL1-III-1', 2024);
      const museumLine = await createBudgetLine(ctx.deps, museum, {
        instanceId: shared,
        unitId: unit['bao-tang-tinh'] ?? '',
        content: 'Thuyết minh lưu động',
        amount: 3_000_000,
        source: 'xa_hoi_hoa',
      });
      await expect(getBudgetLine(ctx.deps, library, museumLine.id)).rejects.toMatchObject({ status: 404 });
      await expect(
        updateBudgetLine(ctx.deps, library, museumLine.id, {
          version: 1,
          content: 'Đổi',
          amount: 1,
          source: 'xa_hoi_hoa',
        }),
      ).rejects.toMatchObject({ status: 404 });
      const mine = await listBudget(ctx.deps, library, {});
      expect(mine.lines.every((l) => l.unitId === unit['thu-vien-tinh'])).toBe(true);

      as(library);
      expect((await ctx.request(`/api/v1/plan/budget/lines/${museumLine.id}`)).status).toBe(404);
      const put = await ctx.request(`/api/v1/plan/budget/lines/${museumLine.id}`, {
        ...json({ version: 1, content: 'x', amount: 1, source: 'xa_hoi_hoa' }),
        method: 'PUT',
      });
      expect(put.status).toBe(404);
      expect((await ctx.request('/api/v1/plan/budget/lines/bud_aaaaaaaaaaaaaaaa')).status).toBe(404);
      const page = await postForm(ctx, `/admin/plan/budget/instances/${await instanceOf('PL1-II-2', 2025)}`, {
        intent: 'create',
        unitId: unit['bao-tang-tinh'] ?? '',
        content: 'x',
        amount: '1',
        source: 'xa_hoi_hoa',
      });
      expect(page.status).toBe(404);
      expect(
        (await ctx.request(`/admin/plan/budget/instances/${await instanceOf('PL1-II-2', 2025)}`)).status,
      ).toBe(404);
      as(ANONYMOUS);
      expect((await ctx.request('/api/v1/plan/budget/lines')).status).toBe(401);
    });

    it('rejects invalid input with clear problems, on the API and in forms', async () => {
      as(library);
      const instanceId = await instanceOf('PL1-II-1', 2026);
      const base = { instanceId, unitId: unit['thu-vien-tinh'], content: 'Mua sách', source: 'xa_hoi_hoa' };
      for (const bad of [
        { ...base, amount: -1 },
        { ...base, amount: 1.5 },
        { ...base, amount: 1_000_000_000_001 },
        { ...base, amount: '1.000' },
        { ...base, amount: 5, source: 'ngan_hang' },
        { ...base, amount: 5, content: '' },
        { ...base, amount: 5, extra: true },
      ]) {
        const res = await ctx.request('/api/v1/plan/budget/lines', json(bad));
        expect(res.status, JSON.stringify(bad)).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      const ok = await ctx.request('/api/v1/plan/budget/lines', json({ ...base, amount: 5_000_000 }));
      expect(ok.status).toBe(201);

      const form = (amount: string) =>
        postForm(ctx, `/admin/plan/budget/instances/${instanceId}`, {
          intent: 'create',
          unitId: unit['thu-vien-tinh'] ?? '',
          content: 'Mua sách',
          amount,
          source: 'xa_hoi_hoa',
        });
      const comma = await form('1,234,567');
      expect(comma.status).toBe(422);
      expect(await comma.text()).toContain('Số tiền không hợp lệ');
      const huge = await form('1.000.000.000.001');
      expect(await huge.text()).toContain('vượt quá mức tối đa');
      const good = await form('1.234.567');
      expect(good.status).toBe(303);
      expect(good.headers.get('location')).toContain('?done=created');
      const all = await listBudget(ctx.deps, library, { instanceId });
      expect(all.lines.map((l) => l.amount).sort()).toEqual([1_234_567, 5_000_000]);
    });
  });

  describe('appraisal and spending by the finance office', () => {
    it('appraises a line; the unit can no longer change it; only finance appraises', async () => {
      const instanceId = await instanceOf('PL1-III-1', 2023);
      const line = await createBudgetLine(ctx.deps, library, {
        instanceId,
        unitId: unit['thu-vien-tinh'] ?? '',
        content: 'Tập huấn kỹ năng số',
        amount: 40_000_000,
        source: 'ngan_sach_su_nghiep',
      });
      for (const who of [library, officer, leader])
        await expect(
          appraiseBudgetLine(ctx.deps, who, line.id, { version: 1, approvedAmount: 1 }),
        ).rejects.toMatchObject({ status: 403 });
      await expect(
        recordBudgetSpending(ctx.deps, finance, line.id, { version: 1, spentAmount: 1, document: 'GRDT 1' }),
      ).rejects.toMatchObject({ status: 409, code: 'plan.budget.not_appraised' });
      const appraised = await appraiseBudgetLine(ctx.deps, finance, line.id, {
        version: 1,
        approvedAmount: 35_000_000,
        comment: 'Giảm chi phí hội trường',
      });
      expect(appraised).toMatchObject({ approvedAmount: 35_000_000, version: 2 });
      expect(appraised.appraisedAt).toBeInstanceOf(Date);
      expect(appraised.appraisedByName).toBe('Người kiểm thử');
      await expect(
        updateBudgetLine(ctx.deps, library, line.id, {
          version: 2,
          content: 'Sửa',
          amount: 50_000_000,
          source: 'xa_hoi_hoa',
        }),
      ).rejects.toMatchObject({ status: 409, code: 'plan.budget.appraised' });
      const spent = await recordBudgetSpending(ctx.deps, finance, line.id, {
        version: 2,
        spentAmount: 34_100_000,
        document: 'Giấy rút dự toán số 12/GRDT ngày 05/6/2023',
      });
      expect(spent).toMatchObject({ spentAmount: 34_100_000, version: 3 });
      expect(await auditCount(ctx, 'plan.budget.appraise', line.id)).toBe(1);
      expect(await auditCount(ctx, 'plan.budget.spend', line.id)).toBe(1);
    });

    it('refuses the second of two saves made from the same version (nothing overwritten)', async () => {
      const instanceId = await instanceOf('PL1-III-1', 2025);
      const line = await createBudgetLine(ctx.deps, library, {
        instanceId,
        unitId: unit['thu-vien-tinh'] ?? '',
        content: 'Trưng bày sách',
        amount: 1_000_000,
        source: 'xa_hoi_hoa',
      });
      const first = updateBudgetLine(ctx.deps, library, line.id, {
        version: 1,
        content: 'Trưng bày sách (A)',
        amount: 2_000_000,
        source: 'xa_hoi_hoa',
      });
      const second = updateBudgetLine(ctx.deps, library, line.id, {
        version: 1,
        content: 'Trưng bày sách (B)',
        amount: 3_000_000,
        source: 'xa_hoi_hoa',
      });
      const results = await Promise.allSettled([first, second]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect((rejected as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
        code: 'plan.budget.stale',
      });
      const stored = await getBudgetLine(ctx.deps, library, line.id);
      expect(stored.version).toBe(2);

      // The same through the form: a stale version answers 409 with the conflict message.
      as(finance);
      const res = await postForm(ctx, `/admin/plan/budget/instances/${instanceId}`, {
        intent: 'appraise',
        lineId: line.id,
        version: '1',
        amount: '900.000',
        comment: '',
      });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('vừa được người khác cập nhật');
    });

    it('appraises through the page form without JavaScript', async () => {
      const instanceId = await instanceOf('PL1-II-1', 2025);
      const [line] = (await listBudget(ctx.deps, finance, { instanceId })).lines;
      if (!line) throw new Error('no line');
      as(finance);
      const page = await (await ctx.request(`/admin/plan/budget/instances/${instanceId}`)).text();
      expect(page).toContain('Thẩm định');
      expect(page).toContain('12.500.000 ₫');
      const res = await postForm(ctx, `/admin/plan/budget/instances/${instanceId}`, {
        intent: 'appraise',
        lineId: line.id,
        version: String(line.version),
        amount: '12.000.000',
        comment: 'Đồng ý',
      });
      expect(res.status).toBe(303);
      const after = await getBudgetLine(ctx.deps, finance, line.id);
      expect(after).toMatchObject({ approvedAmount: 12_000_000, appraisalComment: 'Đồng ý' });
      const shown = await (await ctx.request(`${res.headers.get('location')}`)).text();
      expect(shown).toContain('Đã lưu kết quả thẩm định.');
      expect(shown).toContain('12.000.000 ₫');
    });
  });

  describe('totals and export', () => {
    it('sums estimates, approvals and spending per unit, source and year', async () => {
      const { lines, totals } = await listBudget(ctx.deps, officer, {});
      const sum = (xs: typeof lines, f: (l: (typeof lines)[number]) => number | null) =>
        xs.reduce((s, l) => s + (f(l) ?? 0), 0);
      expect(totals.all).toEqual({
        lines: lines.length,
        estimated: sum(lines, (l) => l.amount),
        approved: sum(lines, (l) => l.approvedAmount),
        spent: sum(lines, (l) => l.spentAmount),
      });
      const lib = totals.byUnit.find((u) => u.unitId === unit['thu-vien-tinh']);
      const libLines = lines.filter((l) => l.unitId === unit['thu-vien-tinh']);
      expect(lib).toMatchObject({ lines: libLines.length, estimated: sum(libLines, (l) => l.amount) });
      expect(totals.bySource.map((s) => s.source)).toEqual(['ngan_sach_su_nghiep', 'xa_hoi_hoa']);
      expect(totals.bySource.reduce((s, x) => s + x.estimated, 0)).toBe(totals.all.estimated);
      expect(totals.byYear.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026]);
      const y2023 = totals.byYear.find((y) => y.year === 2023);
      expect(y2023).toEqual({
        year: 2023,
        lines: 1,
        estimated: 40_000_000,
        approved: 35_000_000,
        spent: 34_100_000,
      });
      const filtered = await listBudget(ctx.deps, officer, { year: 2024, unit: 'bao-tang-tinh' });
      expect(filtered.totals.all).toEqual({ lines: 1, estimated: 3_000_000, approved: 0, spent: 0 });
      // A page shows a bounded number of lines; the totals still cover the whole selection.
      const firstTwo = await listBudget(ctx.deps, officer, {}, { limit: 2 });
      expect(firstTwo.lines).toHaveLength(2);
      expect(firstTwo.totals.all).toEqual(totals.all);
      // Library staff's totals cover only the library's lines.
      const libTotals = (await listBudget(ctx.deps, library, {})).totals;
      expect(libTotals.byUnit.map((u) => u.unitId)).toEqual([unit['thu-vien-tinh']]);
    });

    it('exports lines and totals to an XLSX workbook that opens and reads back', async () => {
      as(finance);
      const res = await ctx.request('/api/v1/plan/budget/export.xlsx');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const sheet = wb.getWorksheet('Dự toán');
      const { lines, totals } = await listBudget(ctx.deps, finance, {});
      expect(sheet?.rowCount).toBe(lines.length + 1);
      const amounts = [];
      for (let r = 2; r <= (sheet?.rowCount ?? 0); r++)
        amounts.push(Number(sheet?.getRow(r).getCell(7).value));
      expect(amounts.reduce((a, b) => a + b, 0)).toBe(totals.all.estimated);
      expect(String(sheet?.getRow(2).getCell(6).value)).toMatch(/Ngân sách sự nghiệp|Xã hội hóa/);
      const sums = wb.getWorksheet('Tổng hợp');
      expect(sums?.getRow(2).values).toEqual([
        undefined,
        'Tất cả các dòng đã chọn',
        totals.all.lines,
        totals.all.estimated,
        totals.all.approved,
        totals.all.spent,
      ]);

      as(library);
      const page = await ctx.request('/admin/plan/budget/export.xlsx?year=2024');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-disposition')).toContain('attachment');
      const mine = new ExcelJS.Workbook();
      await mine.xlsx.load(await page.arrayBuffer());
      expect(mine.getWorksheet('Dự toán')?.rowCount).toBe(1); // the museum's 2024 line is not the library's
      expect((await ctx.request('/admin/plan/budget/export.xlsx?year=1999')).status).toBe(400);
    });

    it('renders the budget page with totals and lines in dd/mm/yyyy and 1.234.567 ₫', async () => {
      as(officer);
      const res = await ctx.request('/admin/plan/budget?year=2023');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Tổng hợp theo nguồn kinh phí');
      expect(html).toContain('40.000.000 ₫');
      expect(html).toContain('34.100.000 ₫');
      expect(html).toContain('Các dòng dự toán: 1');
      const en = await (await ctx.request('/en/admin/plan/budget?year=2040')).text();
      expect(en).toContain('The filters are not valid');
    });
  });
});
