// Reads better-auth's signed session cookie (`<token>.<base64 HMAC-SHA256>`) without a round trip through
// better-auth, so resolving the actor costs one indexed query.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Cookie names: `__Host-` needs Secure, Path=/ and no Domain, so it is only used over HTTPS. */
export function cookiePrefix(secure: boolean): string {
  return secure ? '__Host-sd' : 'sd';
}

export function sessionCookieName(secure: boolean): string {
  return `${cookiePrefix(secure)}.session_token`;
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}

/** The session token when the signature is valid, otherwise null. */
export function verifySignedToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  return token;
}
