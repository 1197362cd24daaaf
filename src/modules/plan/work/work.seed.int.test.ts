import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { seedDemoAccounts } from '../../access/access.seed.server.ts';
import { seedDemoPlanWork } from './work.seed.server.ts';

describe('demo plan work', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedDemoAccounts(ctx.deps);
  }, 180_000);
  afterAll(() => ctx?.close());

  it('seeds an approved, an in-progress and an assigned library report through the use cases', async () => {
    await seedDemoPlanWork(ctx.deps);
    const rows = await ctx.dbh.query<{ state: string; status: string }>(
      'SELECT state, status FROM plan_unit_reports ORDER BY state, status',
    );
    expect(rows).toEqual([
      { state: 'approved', status: 'done' },
      { state: 'draft', status: 'in_progress' },
      { state: 'draft', status: 'not_started' },
    ]);
  });
});
