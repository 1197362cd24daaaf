import { describe, expect, it } from 'vitest';
import { toSmsText } from '../notifications/notice.providers.server.ts';
import { consentsNeeded, DEFAULT_THRESHOLDS, nextYoungest, participationBlocks } from './learners.age.ts';
import { maskPhone, nationalForm, toE164VietnameseMobile } from './learners.phone.ts';
import { splitInterests } from './learners.schemas.server.ts';

describe('Vietnamese mobile numbers', () => {
  it('normalises the ways people write one to E.164', () => {
    for (const raw of ['0912 345 678', '0912-345-678', '+84 912 345 678', '84912345678', '(091) 234.5678']) {
      expect(toE164VietnameseMobile(raw)).toBe('+84912345678');
    }
    expect(toE164VietnameseMobile('0386 123 456')).toBe('+84386123456');
    // Full-width digits some phone keyboards type are the same digits (NFKC).
    expect(toE164VietnameseMobile('09123456７８')).toBe('+84912345678');
  });
  it('refuses landlines, foreign numbers, junk and overlong input', () => {
    for (const raw of ['0258 3822 000', '+86 139 1234 5678', '12345', 'abc', '', '0912345678'.repeat(4)]) {
      expect(toE164VietnameseMobile(raw)).toBeNull();
    }
  });
  it('gives the national form events store and a masked form for pages', () => {
    expect(nationalForm('+84912345678')).toBe('0912345678');
    expect(maskPhone('+84912345678')).toBe('+84 91••••678');
  });
});

describe('consent rules', () => {
  const t = DEFAULT_THRESHOLDS;
  it('asks for a guardian while the person may still be under 16, and the child from when they may be 7', () => {
    expect(consentsNeeded(2026 - 16, 2026, t)).toEqual({ known: true, guardian: true, child: true }); // 15 or 16
    expect(consentsNeeded(2026 - 17, 2026, t)).toEqual({ known: true, guardian: false, child: false });
    expect(consentsNeeded(2026 - 7, 2026, t)).toEqual({ known: true, guardian: true, child: true }); // 6 or 7
    expect(consentsNeeded(2026 - 6, 2026, t)).toEqual({ known: true, guardian: true, child: false });
    expect(consentsNeeded(null, 2026, t).known).toBe(false);
  });
  it('follows the thresholds from settings', () => {
    expect(consentsNeeded(2026 - 17, 2026, { guardianUnder: 18, childFrom: 7 }).guardian).toBe(true);
  });
  it('lists what blocks taking part', () => {
    expect(participationBlocks(null, 2026, t, { guardian: false, child: false })).toEqual([
      'birthYearMissing',
    ]);
    expect(participationBlocks(2016, 2026, t, { guardian: true, child: false })).toEqual([
      'childConsentMissing',
    ]);
    expect(participationBlocks(2016, 2026, t, { guardian: true, child: true })).toEqual([]);
    expect(participationBlocks(1990, 2026, t, { guardian: false, child: false })).toEqual([]);
  });
  it('keeps the youngest year of birth ever recorded', () => {
    expect(nextYoungest(null, 1990)).toBe(1990);
    expect(nextYoungest(2014, 1990)).toBe(2014);
    expect(nextYoungest(1990, 2014)).toBe(2014);
    expect(nextYoungest(2014, null)).toBe(2014);
  });
});

describe('small helpers', () => {
  it('writes SMS content without diacritics or characters gateways reject', () => {
    expect(toSmsText('Mã xác thực Suốt Đời: 123456 ✓')).toBe('Ma xac thuc Suot Doi: 123456 ');
  });
  it('splits interests on commas, semicolons and lines', () => {
    expect(splitInterests(' lịch sử, khoa học;; đọc sách\n')).toEqual(['lịch sử', 'khoa học', 'đọc sách']);
  });
});
