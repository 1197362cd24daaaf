// Connects authentication to the HTTP app: who is asking (actor resolver), the client address used by the
// sign-in limiter, and better-auth's own endpoints under /api/auth/*.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import { discardForgedClientAddress, withClientAddress } from '../../http/client-address.server.ts';
import type { HonoEnv } from '../../http/env.ts';
import { problemResponse } from '../../http/problem.server.ts';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { loadActorAccess } from '../access/access.actor.ts';
import { rateLimitError } from './auth.errors.server.ts';
import { sessionCacheFor } from './auth.session-cache.server.ts';
import { readCookie, sessionCookieName, verifySignedToken } from './auth.session-cookie.server.ts';

/** "Last seen" on the account page is refreshed at most this often, to keep reads read-only. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;
const DAY_MS = 86_400_000;

export function createActorResolver(deps: AppDeps) {
  const cookieName = sessionCookieName(deps.config.secureCookies);
  return {
    async resolve(headers: Headers): Promise<Actor> {
      const signed = readCookie(headers.get('cookie'), cookieName);
      if (!signed) return ANONYMOUS;
      const now = deps.now();
      const sessions = sessionCacheFor(deps);
      // Keyed by the signed cookie itself: a hit is a string whose signature was checked when it was stored.
      let row = sessions.get(signed, now);
      if (!row) {
        const token = verifySignedToken(signed, deps.config.sessionSecret);
        if (!token) return ANONYMOUS;
        const generation = sessions.generation();
        row = await deps.repos.auth.findSessionActor(token, now);
        if (!row) return ANONYMOUS;
        sessions.set(signed, row, generation);
      }
      if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
        // The cached row is this process's copy: it remembers the touch, so the next hit does not repeat it.
        row.last_seen_at = now;
        await deps.repos.auth.touchSession(row.session_id, now);
      }
      // The account's last activity (retention of inactive accounts): at most one write a day per account.
      if (now.getTime() - new Date(row.last_active_at).getTime() > DAY_MS) {
        row.last_active_at = now;
        await deps.repos.auth.markActive(deps.db, [row.user_id], now);
      }
      const access = await loadActorAccess(deps, row.user_id);
      if (access.disabled) return ANONYMOUS;
      return {
        kind: 'user',
        userId: row.user_id,
        email: row.email,
        name: row.name,
        grants: access.grants,
        inSubtree: access.inSubtree,
        twoFactorEnabled: row.two_factor_enabled,
        staffMfaRequired: row.staff_mfa_required === true,
        sessionId: row.session_id,
      };
    },
  };
}

/** The client address for the sign-in limiter, and better-auth's endpoints under /api/auth/*. */
export function mountAuthRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  // Made now, so that it listens for `actor_changed` before the first signed-in request (it serves nothing until then).
  sessionCacheFor(deps);
  // A client's own `x-suotdoi-client-ip` is dropped; the address is computed only when asked, and written on the
  // request only where it leaves Hono (better-auth below, pages in create-app): src/http/client-address.server.ts.
  // Nothing is forgotten here on a write: a write in this process that changes an actor (sign-out, a role
  // revoked, two-step turned on…) has its `actor_changed` notification handled before its statement returns
  // (src/db/client.server.ts, deliverOwnNotifications), so the next request already misses the cache, and
  // other writes (a burst of sign-ups) leave every cached session in place (ADR 0013).
  app.use('*', discardForgedClientAddress);
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    // better-auth's link-checking GET redirects to any callbackURL; mailed links open our own page instead.
    if (c.req.method === 'GET' && c.req.path.startsWith('/api/auth/reset-password/')) {
      return problemResponse(c, new AppError('route.not_found', 404, 'error.notFound'));
    }
    const res = await deps.auth.handler(withClientAddress(c));
    if (res.status !== 429) return res;
    // Our limiter's refusal becomes a translated problem+json with Retry-After.
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as { message?: string } | null;
    const err = rateLimitError(body?.message ?? '', deps.now(), c.get('locale'));
    const problem = problemResponse(c, err);
    const retry = err.params?.seconds;
    if (retry) problem.headers.set('Retry-After', String(retry));
    return problem;
  });
}
