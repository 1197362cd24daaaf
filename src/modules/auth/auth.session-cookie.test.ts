import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookieName, verifySignedToken } from './auth.session-cookie.server.ts';

const sign = (token: string, secret: string) =>
  `${token}.${createHmac('sha256', secret).update(token).digest('base64')}`;

describe('session cookie', () => {
  it('is named with the __Host- prefix only over HTTPS', () => {
    expect(sessionCookieName(true)).toBe('__Host-sd.session_token');
    expect(sessionCookieName(false)).toBe('sd.session_token');
  });

  it('reads a URL-encoded cookie among others', () => {
    const value = encodeURIComponent(sign('tok', 's'));
    expect(readCookie(`a=1; sd.session_token=${value}; b=2`, 'sd.session_token')).toBe(sign('tok', 's'));
    expect(readCookie('a=1', 'sd.session_token')).toBeNull();
    expect(readCookie('sd.session_token=%E0%A4%A', 'sd.session_token')).toBeNull();
  });

  it('accepts only a token signed with our secret', () => {
    expect(verifySignedToken(sign('tok', 'secret'), 'secret')).toBe('tok');
    expect(verifySignedToken(sign('tok', 'other'), 'secret')).toBeNull();
    expect(verifySignedToken('tok', 'secret')).toBeNull();
    expect(verifySignedToken('tok.', 'secret')).toBeNull();
  });
});
