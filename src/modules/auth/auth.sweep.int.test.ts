import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { runDueJobs, runSchedules } from '../jobs/jobs.runner.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('daily auth sweep', () => {
  it('deletes expired sessions and keeps live ones', async () => {
    const a = await signUpAndSignIn(ctx);
    const b = await signUpAndSignIn(ctx);
    await ctx.dbh.query(`UPDATE sessions SET expires_at = now() - interval '1 day' WHERE user_id = $1`, [
      a.userId,
    ]);
    // A schedule due at any time of day today; only the sweep runs here.
    await runSchedules(ctx.deps, new Date(), [{ kind: 'auth.sweep', dailyAt: '00:00' }]);
    expect(await runDueJobs(ctx.deps, { kinds: ['auth.sweep'] })).toBe(1);
    const left = await ctx.dbh.query<{ user_id: string }>('SELECT user_id FROM sessions');
    expect(left.map((r) => r.user_id)).toEqual([b.userId]);
    // The expired session's cookie no longer signs in; the live one still does.
    expect(
      (await ctx.request('/account', { headers: { cookie: a.cookie }, redirect: 'manual' })).status,
    ).not.toBe(200);
    expect((await ctx.request('/account', { headers: { cookie: b.cookie } })).status).toBe(200);
  });
});
