import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redirectTarget } from './redirect-target.ts';

const ORIGIN = 'https://hoctap.example.vn';
const HOSTILE = [
  'https://evil.example',
  'http:evil.example',
  'https:/evil.example',
  '//evil.example',
  '///evil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/a/..//evil.example',
  '/..//evil.example',
  '/../..//evil.example',
  '/%2e/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/.%2e//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  ' //evil.example',
  '\u0000//evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  './/evil.example',
  '',
  null,
  undefined,
  42,
  ['/'],
];

describe('redirectTarget — the one check for redirect targets', () => {
  it('keeps local paths with their query and fragment, dot segments resolved', () => {
    expect(redirectTarget('/admin/plan?year=2025', '/')).toBe('/admin/plan?year=2025');
    expect(redirectTarget('/en/account', '/')).toBe('/en/account');
    expect(redirectTarget('/a/../events#x', '/')).toBe('/events#x');
    expect(redirectTarget('/%2F%2Fevil.example', '/')).toBe('/%2F%2Fevil.example');
  });

  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('refuses %s (falls back)', (_, bad) => {
    expect(redirectTarget(bad, '/home')).toBe('/home');
  });

  it('always answers a path on this site, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .array(
              fc.constantFrom(
                '/',
                '//',
                '/.',
                '/..',
                '\\',
                '.',
                '%2e',
                '%2F',
                '%5C',
                'evil.example',
                '\t',
                ':',
                '?',
                '#',
              ),
              {
                maxLength: 6,
              },
            )
            .map((parts) => parts.join('')),
        ),
        (raw) => {
          const out = redirectTarget(raw, '/');
          expect(out.startsWith('/')).toBe(true);
          expect(out.startsWith('//')).toBe(false);
          expect(out.startsWith('/\\')).toBe(false);
          expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
