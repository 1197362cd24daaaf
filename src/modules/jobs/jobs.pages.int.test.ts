// The background-jobs page: administrators of the whole tree see the queue, with failures and their reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { runDueJobs } from './jobs.runner.server.ts';

describe('jobs page', () => {
  let ctx: TestContext;
  let admin: { cookie: string };
  let staff: { cookie: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    const root = await ctx.deps.repos.units.byCode(ctx.deps.db, 'so-vhttdl');
    const library = await ctx.deps.repos.units.byCode(ctx.deps.db, 'thu-vien-tinh');
    if (!root || !library) throw new Error('units not seeded');
    const a = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: a.userId, role: 'administrator', unitId: root.id });
    admin = a;
    const s = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: s.userId, role: 'unit_staff', unitId: library.id });
    staff = s;
    await ctx.deps.repos.jobs.enqueue(ctx.deps.db, { kind: 'test.broken', maxAttempts: 1 });
    await runDueJobs(ctx.deps, {
      handlers: {
        'test.broken': async () => {
          throw new Error('máy chủ đối tác <không> trả lời');
        },
      },
    });
  });
  afterAll(() => ctx.close());

  it('shows failed jobs and their reason, escaped, to an administrator', async () => {
    const res = await ctx.request('/admin/jobs', { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('test.broken');
    expect(html).toContain('Thất bại');
    expect(html).toContain('máy chủ đối tác &lt;không&gt; trả lời');
  });

  it('is refused to unit staff', async () => {
    const res = await ctx.request('/admin/jobs', { headers: { cookie: staff.cookie } });
    expect(res.status).toBe(403);
  });
});
