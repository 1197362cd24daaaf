// Test helpers for signed-in requests: a user created through the same use case as real accounts, signed in
// through the real HTTP sign-in endpoint, with the session cookie to send on later requests.
import { randomBytes } from 'node:crypto';
import { createUserWithPassword } from '../modules/auth/auth.users.server.ts';
import type { TestContext } from './harness.ts';

export const DEFAULT_TEST_PASSWORD = 'Hoa sen nở giữa hồ 2024';

/** `name=value; name2=value2` from a response's Set-Cookie headers (expired cookies dropped). */
export function cookieHeaderFrom(res: Response): string {
  const pairs: string[] = [];
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (!pair) continue;
    const value = pair.slice(pair.indexOf('=') + 1);
    if (value === '' || /max-age=0\b/i.test(line)) continue;
    pairs.push(pair.trim());
  }
  return pairs.join('; ');
}

/** A browser form post (no JavaScript): urlencoded body, our Origin, redirects not followed. */
export function postForm(
  ctx: TestContext,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return ctx.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

export async function signIn(
  ctx: TestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return ctx.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

export async function signUpAndSignIn(
  ctx: TestContext,
  opts: { email?: string; name?: string; password?: string } = {},
): Promise<{ userId: string; email: string; password: string; cookie: string }> {
  const email = opts.email ?? `user-${randomBytes(5).toString('hex')}@example.vn`;
  const password = opts.password ?? DEFAULT_TEST_PASSWORD;
  const { id } = await createUserWithPassword(ctx.deps, {
    email,
    name: opts.name ?? 'Nguyễn Thị Thử',
    password,
  });
  const res = await signIn(ctx, email, password);
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = cookieHeaderFrom(res);
  if (!cookie) throw new Error(`sign-in for ${email} set no cookie`);
  return { userId: id, email: email.toLowerCase(), password, cookie };
}
