import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { seedDemoAccounts } from '../../access/access.seed.server.ts';
import { seedDemoPlanBudget } from './budget.seed.server.ts';

describe('demo plan budget', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.deps.now = () => new Date('2026-11-28T03:00:00Z');
    await seedDemoAccounts(ctx.deps);
  }, 180_000);
  afterAll(() => ctx?.close());

  it('seeds last year’s lines of the library and the museum, one appraised and spent, through the use cases', async () => {
    await seedDemoPlanBudget(ctx.deps);
    const rows = await ctx.dbh.query<{ code: string; year: number; source: string; stage: string }>(
      `SELECT u.code, i.year, b.source,
              CASE WHEN b.spent_amount IS NOT NULL THEN 'spent' WHEN b.approved_amount IS NOT NULL THEN 'appraised'
                   ELSE 'estimated' END AS stage
       FROM plan_budget_lines b JOIN units u ON u.id = b.unit_id JOIN plan_task_instances i ON i.id = b.instance_id
       ORDER BY u.code, b.source`,
    );
    expect(rows).toEqual([
      { code: 'bao-tang-tinh', year: 2025, source: 'nguon_hop_phap_khac', stage: 'estimated' },
      { code: 'thu-vien-tinh', year: 2025, source: 'ngan_sach_su_nghiep', stage: 'spent' },
      { code: 'thu-vien-tinh', year: 2025, source: 'xa_hoi_hoa', stage: 'estimated' },
    ]);
    const audited = await ctx.dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'plan.budget.%'`,
    );
    expect(audited[0]?.n).toBe(5);
  });
});
