// Which learner a signed-in account is acting as: itself, or a family member it manages, chosen with a form
// button ("switch") and remembered in a cookie signed for that account (HMAC over account and learner ids). Each
// request checks the signature and, in the database, that the account still manages that learner; anything
// else falls back to the account holder.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import type { Actor } from '../../lib/authz.ts';
import { readCookie } from '../auth/auth.session-cookie.server.ts';
import type { CurrentLearner } from './index.server.ts';
import { myProfile, requireUser } from './learners.profiles.server.ts';

export function learnerCookieName(secure: boolean): string {
  return secure ? '__Host-sd.learner' : 'sd.learner';
}

function signature(secret: string, userId: string, learnerId: string): Buffer {
  return createHmac('sha256', secret).update(`learners.selected\u0000${userId}\u0000${learnerId}`).digest();
}

export function signSelection(secret: string, userId: string, learnerId: string): string {
  return `${learnerId}.${signature(secret, userId, learnerId).toString('base64url')}`;
}

/** The learner id the cookie names, when it was signed for this account; otherwise null. */
export function verifySelection(secret: string, userId: string, value: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const learnerId = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = signature(secret, userId, learnerId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return learnerId;
}

/** Per request: the learner the middleware resolved for this actor object. */
const selected = new WeakMap<Actor, CurrentLearner>();

export function selectedFor(actor: Actor): CurrentLearner | undefined {
  return selected.get(actor);
}

/** Switches to a managed learner (or back to the account holder); returns the Set-Cookie line. */
export async function selectLearner(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  actor: Actor,
  learnerId: string,
): Promise<string> {
  const user = requireUser(actor);
  const profile = await myProfile(deps, actor, learnerId);
  const secure = deps.config.secureCookies ? '; Secure' : '';
  const name = learnerCookieName(deps.config.secureCookies);
  if (profile.relation === 'self') return `${name}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secure}`;
  const value = encodeURIComponent(signSelection(deps.config.sessionSecret, user.userId, learnerId));
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

/** Resolves the selected learner once per request (after the actor), for `currentLearner`. */
export function mountLearnerSelection(app: Hono<HonoEnv>, deps: AppDeps): void {
  const name = learnerCookieName(deps.config.secureCookies);
  app.use('*', async (c, next) => {
    const actor = c.get('actor');
    if (actor?.kind === 'user') {
      const raw = readCookie(c.req.raw.headers.get('cookie'), name);
      const learnerId = raw ? verifySelection(deps.config.sessionSecret, actor.userId, raw) : null;
      if (learnerId && learnerId !== actor.userId) {
        const [p] = await deps.repos.learners.profiles(deps.db, [learnerId]);
        if (p && p.managerUserId === actor.userId) {
          selected.set(actor, { id: p.id, accountUserId: actor.userId, displayName: p.displayName });
        }
      }
    }
    return next();
  });
}
