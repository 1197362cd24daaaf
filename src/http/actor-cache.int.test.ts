// Per-session access data from memory (issue 17): a signed-in user's grants are loaded once and kept, and every
// change to them counts from the very next request: a revoked role, a new one, a disabled account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateActorAccess } from '../modules/access/access.actor.ts';
import { grantRoleAsSystem, revokeGrant } from '../modules/access/access.grants.server.ts';
import { setUserDisabled } from '../modules/access/access.usecases.server.ts';
import { actorOn, unitIdOf } from '../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

describe('the signed-in actor’s grants, cached', () => {
  let ctx: TestContext;
  let user: { userId: string; cookie: string };
  let library: string;

  /** The status of the back-office home for this user: 200 for staff, something else otherwise. */
  const adminStatus = async () => {
    const res = await ctx.request('/admin', { headers: { cookie: user.cookie }, redirect: 'manual' });
    await res.arrayBuffer();
    return res.status;
  };
  const apiStatus = async () => {
    const res = await ctx.request('/api/v1/access/users', { headers: { cookie: user.cookie } });
    await res.arrayBuffer();
    return res.status;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    user = await signUpAndSignIn(ctx, { name: 'Trần Văn Bộ Nhớ' });
  }, 180_000);
  afterAll(() => ctx?.close());

  it('a role granted counts from the next request, and a revoked one too', async () => {
    expect(await adminStatus()).not.toBe(200);
    const grant = await grantRoleAsSystem(ctx.deps, {
      userId: user.userId,
      role: 'unit_manager',
      unitId: library,
    });
    expect(grant).toBeDefined();
    expect(await adminStatus()).toBe(200);
    expect(await apiStatus()).toBe(200);

    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    await revokeGrant(ctx.deps, admin, grant?.id as string);
    expect(await adminStatus()).not.toBe(200);
    expect(await apiStatus()).toBe(403);
  });

  it('is served from memory: a change behind the application’s back shows only once the entry is forgotten', async () => {
    const grant = await grantRoleAsSystem(ctx.deps, {
      userId: user.userId,
      role: 'unit_staff',
      unitId: library,
    });
    expect(await adminStatus()).toBe(200);
    // Not through a use case or the repository: the cached grants still say staff…
    await ctx.dbh.query('UPDATE role_grants SET revoked_at = now() WHERE id = $1', [grant?.id]);
    expect(await adminStatus()).toBe(200);
    // …until this process is told (what every grant and account write does).
    invalidateActorAccess(ctx.deps, user.userId);
    expect(await adminStatus()).not.toBe(200);
  });

  it('a disabled account is signed out on its next request', async () => {
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: library });
    expect(await adminStatus()).toBe(200);
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    await setUserDisabled(ctx.deps, admin, { userId: user.userId, disabled: true });
    const res = await ctx.request('/api/v1/access/users', { headers: { cookie: user.cookie } });
    expect(res.status).toBe(401);
  });
});
