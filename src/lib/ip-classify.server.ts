// Pure classification of IP addresses for server-side fetches (src/lib/safe-fetch.ts): only globally routable
// unicast addresses are 'public'; everything a request forger would aim at (loopback, RFC 1918, CGNAT, ULA,
// link-local, multicast, unspecified, documentation/benchmark ranges, and IPv6 forms that embed such an IPv4
// address: IPv4-mapped, IPv4-compatible, NAT64, 6to4) gets a reason. No DNS here: callers resolve first.
import { isIPv4, isIPv6 } from 'node:net';

export type AddressClass =
  | 'public'
  | 'invalid'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'multicast'
  | 'reserved'
  | 'documentation';

type Range4 = readonly [number, number, AddressClass]; // network (uint32), prefix length, class

const V4_RANGES: readonly Range4[] = [
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'cgnat'],
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'], // IETF protocol assignments
  [v4(192, 0, 2, 0), 24, 'documentation'],
  [v4(192, 88, 99, 0), 24, 'reserved'], // 6to4 relay anycast (deprecated)
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'], // benchmarking
  [v4(198, 51, 100, 0), 24, 'documentation'],
  [v4(203, 0, 113, 0), 24, 'documentation'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'], // incl. 255.255.255.255 broadcast
];

function v4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function inPrefix(addr: number, net: number, len: number): boolean {
  if (len === 0) return true;
  const mask = len === 32 ? 0xffffffff : (~0 << (32 - len)) >>> 0;
  return (addr & mask) >>> 0 === (net & mask) >>> 0;
}

export function classifyIPv4Number(addr: number): AddressClass {
  for (const [net, len, cls] of V4_RANGES) if (inPrefix(addr, net, len)) return cls;
  return 'public';
}

function parseIPv4(s: string): number | null {
  if (!isIPv4(s)) return null;
  const p = s.split('.').map(Number);
  return v4(p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 0);
}

/** Parses an IPv6 text form (with `::`, an embedded dotted quad, and an optional `%zone`) into 16 bytes. */
export function parseIPv6(input: string): Uint8Array | null {
  const s = input.replace(/%.*$/, '');
  if (!isIPv6(s)) return null;
  let head = s;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const tail = parseIPv4(s.slice(lastColon + 1));
    if (tail === null) return null;
    head = `${s.slice(0, lastColon + 1)}${(tail >>> 16).toString(16)}:${(tail & 0xffff).toString(16)}`;
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const lw = left ? left.split(':') : [];
  const rw = right === undefined ? [] : right ? right.split(':') : [];
  const missing = 8 - lw.length - rw.length;
  if (right === undefined ? missing !== 0 : missing < 0) return null;
  const words = [...lw, ...Array(right === undefined ? 0 : missing).fill('0'), ...rw].map((w) =>
    Number.parseInt(w, 16),
  );
  if (words.length !== 8 || words.some((w) => !Number.isInteger(w) || w < 0 || w > 0xffff)) return null;
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}

function bytesToV4(b: Uint8Array, at: number): number {
  return v4(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
}

function zeros(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
}

export function classifyIPv6Bytes(b: Uint8Array): AddressClass {
  const b0 = b[0] ?? 0;
  const b1 = b[1] ?? 0;
  if (zeros(b, 0, 10)) {
    // ::/80 — unspecified, loopback, IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d, deprecated)
    if (b[10] === 0xff && b[11] === 0xff) return classifyIPv4Number(bytesToV4(b, 12));
    if (b[10] === 0 && b[11] === 0) {
      if (zeros(b, 12, 16)) return 'unspecified';
      if (zeros(b, 12, 15) && b[15] === 1) return 'loopback';
      return 'reserved';
    }
    return 'reserved';
  }
  // 64:ff9b::/96 NAT64 well-known prefix: judged by the embedded IPv4 address; 64:ff9b:1::/48 local use
  if (b0 === 0x00 && b1 === 0x64 && b[2] === 0xff && b[3] === 0x9b) {
    if (zeros(b, 4, 12)) return classifyIPv4Number(bytesToV4(b, 12));
    return 'private';
  }
  if (b0 === 0xff) return 'multicast';
  if (b0 === 0xfe && (b1 & 0xc0) === 0x80) return 'link-local';
  if (b0 === 0xfe && (b1 & 0xc0) === 0xc0) return 'private'; // fec0::/10 site-local (deprecated)
  if ((b0 & 0xfe) === 0xfc) return 'private'; // fc00::/7 unique local
  if ((b0 & 0xe0) !== 0x20) return 'reserved'; // only 2000::/3 is global unicast
  if (b0 === 0x20 && b1 === 0x01) {
    if (b[2] === 0x0d && b[3] === 0xb8) return 'documentation'; // 2001:db8::/32
    if (b[2] === 0x00 && b[3] === 0x00) return 'reserved'; // 2001::/32 Teredo (tunnels to any IPv4)
    if (b[2] === 0x00 && ((b[3] ?? 0) & 0xf0) === 0x10) return 'reserved'; // ORCHID 2001:10::/28
  }
  if (b0 === 0x20 && b1 === 0x02) return classifyIPv4Number(bytesToV4(b, 2)); // 6to4 2002::/16
  if (b0 === 0x3f && b1 === 0xff && ((b[2] ?? 0) & 0xf0) === 0x00) return 'documentation'; // 3fff::/20
  return 'public';
}

/** Classifies an IP address in text form; anything that is not a valid IPv4/IPv6 literal is 'invalid'. */
export function classifyAddress(address: string): AddressClass {
  const a = address.trim().replace(/^\[|\]$/g, '');
  const n4 = parseIPv4(a);
  if (n4 !== null) return classifyIPv4Number(n4);
  const b6 = parseIPv6(a);
  if (b6) return classifyIPv6Bytes(b6);
  return 'invalid';
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}
