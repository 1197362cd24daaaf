// Fixtures for the learners tests: reading a code from the outbox (where notices land with no provider), and a
// citizen signed in through the real phone pages.
import { randomInt } from 'node:crypto';
import type { Actor } from '../../lib/authz.ts';
import { cookieHeaderFrom, postForm } from '../../test/auth-helpers.ts';
import type { TestContext } from '../../test/harness.ts';

/** A fresh valid Vietnamese mobile number, E.164 (+8491…), unique enough for one run. */
export function freshPhone(): string {
  return `+8491${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

/** The six-digit code of the latest notice to this address in the outbox. */
export async function latestCode(ctx: TestContext, to: string): Promise<string> {
  const rows = await ctx.dbh.query<{ body_text: string }>(
    'SELECT body_text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
    [to],
  );
  const m = /\b(\d{6})\b/.exec(rows[0]?.body_text ?? '');
  if (!m?.[1]) throw new Error(`no code sent to ${to}`);
  return m[1];
}

/** Signs in with a phone number through the pages (sign-up on first use); the session cookie. */
export async function phoneSignIn(
  ctx: TestContext,
  phone = freshPhone(),
): Promise<{ phone: string; cookie: string; userId: string; location: string }> {
  const sent = await postForm(ctx, '/sign-in/phone', { intent: 'send', phone });
  if (sent.status !== 200) throw new Error(`code request failed: ${sent.status}`);
  const code = await latestCode(ctx, phone);
  const res = await postForm(ctx, '/sign-in/phone', { intent: 'verify', phone, code });
  if (res.status !== 302) throw new Error(`code refused: ${res.status}`);
  const cookie = cookieHeaderFrom(res);
  const actor = await ctx.deps.actors.resolve(new Headers({ cookie }));
  if (actor.kind !== 'user') throw new Error('no session');
  return { phone, cookie, userId: actor.userId, location: res.headers.get('location') ?? '' };
}

export async function actorFor(ctx: TestContext, cookie: string): Promise<Actor> {
  return ctx.deps.actors.resolve(new Headers({ cookie }));
}
