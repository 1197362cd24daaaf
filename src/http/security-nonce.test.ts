import { describe, expect, it } from 'vitest';
import { newNonce } from './security.server.ts';

describe('CSP nonces', () => {
  it('are 128-bit base64 values, never repeated, across several refills of the random pool', () => {
    const nonces = Array.from({ length: 1000 }, () => newNonce());
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
