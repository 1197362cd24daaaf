import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnd, groupThousands, MAX_VND_AMOUNT, parseVnd } from './money.ts';

describe('formatVnd', () => {
  it('groups thousands with dots and ends with the đồng sign', () => {
    expect(formatVnd(1234567)).toBe('1.234.567 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(999)).toBe('999 ₫');
    expect(formatVnd(1000)).toBe('1.000 ₫');
    expect(formatVnd(MAX_VND_AMOUNT)).toBe('1.000.000.000.000 ₫');
    expect(formatVnd(-5000)).toBe('-5.000 ₫');
  });

  it('refuses fractions of a đồng', () => {
    expect(() => groupThousands(12.5)).toThrow(RangeError);
  });
});

describe('parseVnd', () => {
  it('accepts plain digits and dot-grouped amounts, with or without a currency sign', () => {
    expect(parseVnd('1.234.567')).toEqual({ ok: true, value: 1234567 });
    expect(parseVnd('1234567')).toEqual({ ok: true, value: 1234567 });
    expect(parseVnd('  25.000.000 ₫ ')).toEqual({ ok: true, value: 25000000 });
    expect(parseVnd('500000đ')).toEqual({ ok: true, value: 500000 });
    expect(parseVnd('0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses anything else with a reason', () => {
    for (const bad of [
      '1,234,567',
      '1.23.456',
      '12,5',
      '12.5',
      '-5',
      '+5',
      '1 234',
      '1e6',
      'abc',
      '0012',
      '.000',
    ])
      expect(parseVnd(bad), bad).toEqual({ ok: false, reason: 'format' });
    expect(parseVnd('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseVnd('1.000.000.000.001')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseVnd('99999999999999999999')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseVnd('2.000', 1000)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('reads back every amount it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_VND_AMOUNT }), (n) => {
        expect(parseVnd(formatVnd(n))).toEqual({ ok: true, value: n });
        expect(parseVnd(String(n))).toEqual({ ok: true, value: n });
      }),
    );
  });
});
