import { describe, expect, it } from 'vitest';
import { clientIp } from './auth.client-ip.server.ts';

describe('client address', () => {
  it('uses the socket and ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(
      clientIp({ forwardedFor: '203.0.113.9', socketAddress: '::ffff:10.0.0.5', trustProxyHops: 0 }),
    ).toBe('10.0.0.5');
  });

  it('takes the address our proxy appended, not what the client claimed', () => {
    const forwardedFor = '1.2.3.4, 203.0.113.9';
    expect(clientIp({ forwardedFor, socketAddress: '10.0.0.5', trustProxyHops: 1 })).toBe('203.0.113.9');
    expect(clientIp({ forwardedFor, socketAddress: '10.0.0.5', trustProxyHops: 2 })).toBe('1.2.3.4');
  });

  it('falls back to the socket when the header is missing or not an address', () => {
    expect(clientIp({ forwardedFor: 'unknown', socketAddress: '10.0.0.5', trustProxyHops: 1 })).toBe(
      '10.0.0.5',
    );
    expect(clientIp({ forwardedFor: null, socketAddress: null, trustProxyHops: 1 })).toBeNull();
  });
});
