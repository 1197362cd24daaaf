// The per-process session cache (ADR 0013, "Session cache"): a signed-in request does not read its session
// again within the TTL, and sign-out, a revoked role, a disabled account, a changed staff two-step setting and
// the session's expiry still count at once — in the process that wrote, and in another one on the same
// database, told by the `actor_changed` notification (migration 0198). The TTL is a minute here, so only
// the notification can explain what the second app sees.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/harness.ts';
import { bothListening, pause, type SecondApp, secondApp, within } from '../../test/second-app.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';

const TTL = { SESSION_CACHE_TTL_MS: '60000' };
const TASKS = '/api/v1/plan/tasks';

describe('session cache', () => {
  let ctx: TestContext;
  /** A second app on the same database with its own cache, as another worker or instance would be. */
  let other: SecondApp;
  let libraryId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ config: TTL });
    const library = await ctx.deps.repos.units.byCode(ctx.deps.db, 'thu-vien-tinh');
    if (!library) throw new Error('units not seeded');
    libraryId = library.id;
    other = await secondApp(ctx, TTL);
    await bothListening(ctx, other);
  });
  afterAll(async () => {
    await other?.close();
    await ctx?.close();
  });

  async function staffMember() {
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: libraryId });
    return user;
  }

  it('reads a session once and answers the next requests from memory', async () => {
    const user = await staffMember();
    // The grant's own notification (on PostgreSQL it crosses a connection) must not land between the reads.
    await pause(200);
    const spy = vi.spyOn(ctx.deps.repos.auth, 'findSessionActor');
    try {
      for (let i = 0; i < 3; i++) {
        expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(200);
      }
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('signs a session out in this process and in another one at once', async () => {
    const user = await staffMember();
    expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(200);
    expect((await other.request(TASKS, user.cookie)).status).toBe(200);
    const out = await ctx.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(401);
    expect(await within(1_000, async () => (await other.request(TASKS, user.cookie)).status === 401)).toBe(
      true,
    );
  });

  it('takes a revoked role away in another process at once, even when SQL revokes it', async () => {
    const user = await staffMember();
    expect((await other.request(TASKS, user.cookie)).status).toBe(200);
    await ctx.dbh.query('UPDATE role_grants SET revoked_at = now() WHERE user_id = $1', [user.userId]);
    expect(await within(1_000, async () => (await other.request(TASKS, user.cookie)).status === 403)).toBe(
      true,
    );
    // …and a new grant counts as soon.
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: libraryId });
    expect(await within(1_000, async () => (await other.request(TASKS, user.cookie)).status === 200)).toBe(
      true,
    );
  });

  it('treats a disabled account and a new staff two-step requirement as soon as they are written', async () => {
    const user = await staffMember();
    expect((await other.request(TASKS, user.cookie)).status).toBe(200);
    await ctx.dbh.query("UPDATE settings SET value = 'true'::jsonb WHERE key = 'auth.require_mfa_for_staff'");
    try {
      expect(await within(1_000, async () => (await other.request(TASKS, user.cookie)).status === 403)).toBe(
        true,
      );
    } finally {
      await ctx.dbh.query(
        "UPDATE settings SET value = 'false'::jsonb WHERE key = 'auth.require_mfa_for_staff'",
      );
    }
    expect(await within(1_000, async () => (await other.request(TASKS, user.cookie)).status === 200)).toBe(
      true,
    );
    await ctx.dbh.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.userId]);
    expect(await within(1_000, async () => (await other.request(TASKS, user.cookie)).status === 401)).toBe(
      true,
    );
  });

  it('keeps cached sessions through a burst of writes, yet a change written by this process counts on its next request', async () => {
    const user = await staffMember();
    await pause(200);
    expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(200);
    const spy = vi.spyOn(ctx.deps.repos.auth, 'findSessionActor');
    try {
      // 30 simultaneous POSTs that change no actor (as a burst of guest sign-ups): nothing is forgotten.
      const posts = await Promise.all(
        Array.from({ length: 30 }, () =>
          ctx.request('/api/v1/no-such-route', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
            body: '{"name":"Khách"}',
          }),
        ),
      );
      expect(posts.every((r) => r.status >= 400)).toBe(true);
      expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(200);
      expect(spy).toHaveBeenCalledTimes(0);
      // A revocation written by this process (any statement of it: a request, a job, SQL) counts on the very
      // next request, with no wait: its notification was handled before the statement returned.
      await ctx.dbh.query('UPDATE role_grants SET revoked_at = now() WHERE user_id = $1', [user.userId]);
      expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(403);
      await ctx.dbh.query('DELETE FROM sessions WHERE user_id = $1', [user.userId]);
      expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(401);
    } finally {
      spy.mockRestore();
    }
  });

  it('does not serve a cached session past its expiry', async () => {
    const user = await staffMember();
    const realNow = ctx.deps.now;
    try {
      expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(200);
      const [row] = await ctx.dbh.query<{ expires_at: Date }>(
        'SELECT expires_at FROM sessions WHERE user_id = $1',
        [user.userId],
      );
      // The database is not told: only the cached row's own expiry can refuse it.
      ctx.deps.now = () => new Date(new Date(row?.expires_at as Date).getTime() + 1_000);
      expect((await ctx.request(TASKS, { headers: { cookie: user.cookie } })).status).toBe(401);
    } finally {
      ctx.deps.now = realNow;
    }
  });
});
