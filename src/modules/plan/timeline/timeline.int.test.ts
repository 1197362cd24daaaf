// The timeline and unit overview pages, server-rendered, with the reader's scope applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { createBudgetLine } from '../budget/budget.usecases.server.ts';

describe('timeline and unit overview pages', () => {
  let ctx: TestContext;
  let library: Actor;
  let officer: Actor;
  const as = (actor: Actor) => {
    ctx.deps.actors = { resolve: async () => actor };
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    ctx.deps.now = () => new Date('2026-07-02T03:00:00Z');
  });
  afterAll(() => ctx?.close());

  describe('timeline', () => {
    it('draws an SVG image with title, today line and the three milestones, and an equivalent table', async () => {
      as(officer);
      const res = await ctx.request('/admin/plan/timeline');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/<svg role="img" aria-labelledby="tl-title tl-desc"/);
      expect(html).toContain('<title id="tl-title">Biểu đồ tiến trình các nhiệm vụ 2023–2030</title>');
      expect(html).toContain('30 nhiệm vụ; hôm nay 02/07/2026');
      expect(html).toContain('Sơ kết việc triển khai Chương trình (2025): 15/12/2025');
      expect(html).toContain('Sơ kết 05 năm triển khai thực hiện Chương trình (2027): 15/12/2027');
      expect(html).toContain('Tổng kết Chương trình giai đoạn 2023 – 2030: 15/12/2030');
      expect(html).toContain('>Hôm nay</text>');
      expect(html).toContain('<caption>Trạng thái từng năm của 30 nhiệm vụ</caption>');
      // Instances of 2023–2025 are past their due date and unfinished: overdue, named in the legend.
      expect(html).toContain('Quá hạn');
      expect(html).toContain('Chưa triển khai');
      // No script is shipped for this page.
      expect(html).not.toMatch(/<script[^>]*type="module"/);
    });

    it('filters by phase, section and unit, and reports invalid filters', async () => {
      as(officer);
      const html = await (await ctx.request('/admin/plan/timeline?phase=2025-2030&section=VII')).text();
      expect(html).toContain('<caption>Trạng thái từng năm của 3 nhiệm vụ</caption>');
      expect(html).toContain('PL II – VII.3');
      const en = await (await ctx.request('/en/admin/plan/timeline?section=IX')).text();
      expect(en).toContain('The filters are not valid');
      expect(en).toContain('App. I – I.1');
    });

    it('shows unit staff only the tasks of their unit', async () => {
      as(library);
      const html = await (await ctx.request('/admin/plan/timeline?phase=2023-2025&section=II')).text();
      expect(html).toContain('<caption>Trạng thái từng năm của 1 nhiệm vụ</caption>'); // II.1 only
      expect(html).toContain('PL I – II.1');
      expect(html).not.toContain('PL I – II.2');
    });
  });

  describe('unit overview', () => {
    it('lists one unit’s instances of a year with role, state and budget', async () => {
      const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
      const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-II-1');
      const instanceId = task?.instances.find((i) => i.year === 2025)?.id ?? '';
      await createBudgetLine(ctx.deps, library, {
        instanceId,
        unitId: libraryId,
        content: 'Tài liệu',
        amount: 7_654_321,
        source: 'ngan_sach_su_nghiep',
      });
      as(library);
      const res = await ctx.request(`/admin/plan/units/${libraryId}?year=2025`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Thư viện tỉnh – nhiệm vụ năm 2025');
      expect(html).toContain('7.654.321 ₫');
      expect(html).toContain('Chủ trì');
      expect(html).toContain('Phối hợp'); // PL1-VII-1 is coordinated by the library
      expect(html).toContain(`/admin/plan/budget/instances/${instanceId}`);
      const count = /Các nhiệm vụ của đơn vị trong năm: (\d+)/.exec(html)?.[1];
      const expected = (await ctx.deps.repos.plan.list(ctx.deps.db, { unit: 'thu-vien-tinh', year: 2025 }))
        .length;
      expect(Number(count)).toBe(expected);
    });

    it('answers 404 to unit staff for another unit, and for a year outside the programme', async () => {
      as(library);
      const museumId = await unitIdOf(ctx, 'bao-tang-tinh');
      expect((await ctx.request(`/admin/plan/units/${museumId}`)).status).toBe(404);
      expect((await ctx.request('/admin/plan/units/unit_aaaaaaaaaaaaaaaa')).status).toBe(404);
      const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
      expect((await ctx.request(`/admin/plan/units/${libraryId}?year=2040`)).status).toBe(404);
      as(officer);
      expect((await ctx.request(`/admin/plan/units/${museumId}?year=2024`)).status).toBe(200);
    });

    it('opens on the reader’s own unit, in the current year', async () => {
      as(library);
      const res = await ctx.request('/admin/plan/units', { redirect: 'manual' });
      expect(res.status).toBe(302);
      const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
      expect(res.headers.get('location')).toBe(`/admin/plan/units/${libraryId}`);
      const html = await (await ctx.request(`/admin/plan/units/${libraryId}`)).text();
      expect(html).toContain('Thư viện tỉnh – nhiệm vụ năm 2026');
    });
  });
});
