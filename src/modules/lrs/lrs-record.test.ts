import { describe, expect, it } from 'vitest';
import { stableStatementId } from './index.server.ts';
import { AGE_BAND_OF, hoursTable, streaks } from './lrs-record.ts';
import { acceptLanguages, comparisonSignature } from './xapi-format.ts';

describe('streaks', () => {
  it('counts the current run ending today or yesterday and the longest run', () => {
    const days = [
      '2026-12-04',
      '2026-12-03',
      '2026-12-02',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ];
    expect(streaks(days, '2026-12-04')).toEqual({ current: 3, longest: 4 });
    expect(streaks(days, '2026-12-05')).toEqual({ current: 3, longest: 4 });
    expect(streaks(days, '2026-12-06')).toEqual({ current: 0, longest: 4 });
    expect(streaks([], '2026-12-06')).toEqual({ current: 0, longest: 0 });
  });
});

describe('hoursTable', () => {
  it('sums seconds into hours per year and category, with totals', () => {
    const t = hoursTable([
      { year: 2026, category: 'reading', seconds: 5400 },
      { year: 2026, category: 'talk', seconds: 3600 },
      { year: 2025, category: 'reading', seconds: 1800 },
    ]);
    expect(t.years).toEqual([2025, 2026]);
    expect(t.categories).toEqual(['reading', 'talk']);
    expect(t.totals).toEqual([
      { year: 2025, hours: 0.5 },
      { year: 2026, hours: 2.5 },
    ]);
  });
});

describe('age bands', () => {
  it('puts a 15-year-old in 0-15 and an unknown birth year in unknown', () => {
    expect(AGE_BAND_OF(2011, 2026)).toBe('0-15');
    expect(AGE_BAND_OF(1960, 2026)).toBe('60+');
    expect(AGE_BAND_OF(null, 2026)).toBe('unknown');
  });
});

describe('statement comparison', () => {
  it('ignores what the LRS sets and key order, but not content', () => {
    const a = { actor: { mbox: 'mailto:A@x.vn' }, verb: { id: 'http://v' }, object: { id: 'http://o' } };
    const b = {
      object: { id: 'http://o' },
      verb: { id: 'http://v' },
      actor: { mbox: 'mailto:a@x.vn' },
      stored: 'x',
      version: '1.0.0',
    };
    expect(comparisonSignature(a)).toBe(comparisonSignature(b));
    expect(comparisonSignature(a)).not.toBe(comparisonSignature({ ...a, object: { id: 'http://p' } }));
  });
  it('derives one UUID per source key', () => {
    expect(stableStatementId('k')).toBe(stableStatementId('k'));
    expect(stableStatementId('k')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(stableStatementId('k')).not.toBe(stableStatementId('l'));
  });
  it('orders Accept-Language by quality', () => {
    expect(acceptLanguages('en;q=0.5, vi-VN, fr;q=0.8')).toEqual(['vi-VN', 'fr', 'en']);
  });
});
