import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, parseIPv6 } from './ip-classify.server.ts';

describe('classifyAddress', () => {
  const cases: Array<[string, string]> = [
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['113.160.1.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.168.1.1', 'private'],
    ['100.63.255.255', 'public'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.0', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['192.0.2.5', 'documentation'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'reserved'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:0808:0808::1', 'public'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['2001:4860:4860::8888', 'public'],
    ['2404:6800:4005::200e', 'public'],
    ['[::1]', 'loopback'],
    ['localhost', 'invalid'],
    ['', 'invalid'],
    ['999.1.1.1', 'invalid'],
    ['1.2.3', 'invalid'],
    ['0x7f.0.0.1', 'invalid'],
    ['::ffff:999.0.0.1', 'invalid'],
  ];
  it.each(cases)('%s → %s', (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });

  it('parses IPv6 forms to the same bytes', () => {
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual(parseIPv6('0:0:0:0:0:ffff:7f00:0001'));
    expect(parseIPv6('1::')).toEqual(parseIPv6('1:0:0:0:0:0:0:0'));
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const ipv4 = fc.tuple(octet, octet, octet, octet);

  it('an IPv4 address and its IPv4-mapped IPv6 forms (dotted and hex) are classified alike', () => {
    fc.assert(
      fc.property(ipv4, ([a, b, c, d]) => {
        const dotted = `${a}.${b}.${c}.${d}`;
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        const cls = classifyAddress(dotted);
        expect(classifyAddress(`::ffff:${dotted}`)).toBe(cls);
        expect(classifyAddress(hex)).toBe(cls);
        expect(classifyAddress(`64:ff9b::${dotted}`)).toBe(cls);
      }),
    );
  });

  it('every address in the private, loopback, link-local and CGNAT ranges is refused', () => {
    const inRange = fc.oneof(
      fc.tuple(fc.constant(10), octet, octet, octet),
      fc.tuple(fc.constant(127), octet, octet, octet),
      fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
      fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
      fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet),
      fc.tuple(fc.integer({ min: 224, max: 255 }), octet, octet, octet),
    );
    fc.assert(
      fc.property(inRange, (t) => {
        expect(classifyAddress(t.join('.'))).not.toBe('public');
      }),
    );
  });

  it('ULA, link-local and multicast IPv6 are never public', () => {
    const word = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0xfc00, max: 0xfdff }),
          fc.integer({ min: 0xfe80, max: 0xfebf }),
          fc.integer({ min: 0xff00, max: 0xffff }),
        ),
        fc.array(word, { minLength: 7, maxLength: 7 }),
        (first, rest) => {
          const ip = [first, ...rest].map((w) => w.toString(16)).join(':');
          expect(classifyAddress(ip)).not.toBe('public');
        },
      ),
    );
  });
});
