import { describe, expect, it } from 'vitest';
import { parseCsv, readIlsTable } from './circulation.ils-csv.ts';
import {
  cardNumberFrom,
  DEFAULT_RULE,
  dueDate,
  fineVnd,
  normalizeCode,
  renewRefusal,
  ruleFor,
  validCardNumber,
} from './circulation.rules.ts';

const rule = { ...DEFAULT_RULE, unitId: 'u1', itemKind: '*' };

describe('loan rules', () => {
  it('takes the unit’s rule for the kind, else the unit’s default, else the platform’s', () => {
    const kind = { ...rule, itemKind: 'periodical', loanDays: 3 };
    expect(ruleFor([rule, kind], 'u1', 'periodical').loanDays).toBe(3);
    expect(ruleFor([rule, kind], 'u1', 'book')).toBe(rule);
    expect(ruleFor([rule], 'u2', 'book').loanDays).toBe(DEFAULT_RULE.loanDays);
  });

  it('makes a loan due at 23:59 Vietnam time, whatever the hour it was lent', () => {
    expect(dueDate(new Date('2027-03-01T01:00:00Z'), 14).toISOString()).toBe('2027-03-15T16:59:00.000Z');
    // 23:30 in Vietnam on 1 March is 16:30 UTC: still 1 March there.
    expect(dueDate(new Date('2027-03-01T16:30:00Z'), 1).toISOString()).toBe('2027-03-02T16:59:00.000Z');
  });

  it('charges no fine unless the unit turned fines on', () => {
    const due = new Date('2027-03-01T16:59:00Z');
    const back = new Date('2027-03-04T03:00:00Z');
    expect(fineVnd(rule, due, back)).toBe(0);
    expect(fineVnd({ ...rule, finesEnabled: true, finePerDayVnd: 1000 }, due, back)).toBe(3000);
  });

  it('refuses a renewal when a hold waits, at the limit, or long overdue', () => {
    const due = new Date('2027-03-01T16:59:00Z');
    const now = new Date('2027-03-01T00:00:00Z');
    expect(renewRefusal({ rule, renewals: 0, holdWaiting: true, due, now })).toBe('hold_waiting');
    expect(renewRefusal({ rule, renewals: 2, holdWaiting: false, due, now })).toBe('max_renewals');
    expect(
      renewRefusal({ rule, renewals: 0, holdWaiting: false, due, now: new Date('2027-05-01T00:00:00Z') }),
    ).toBe('overdue_blocked');
    expect(renewRefusal({ rule, renewals: 1, holdWaiting: false, due, now })).toBeNull();
  });
});

describe('card numbers and codes', () => {
  it('issues 12-digit numbers whose Luhn digit catches a mistyped digit or a swap', () => {
    const card = cardNumberFrom('12345678901');
    expect(validCardNumber(card)).toBe(true);
    expect(validCardNumber(`${card.slice(0, 3)}${(Number(card[3]) + 1) % 10}${card.slice(4)}`)).toBe(false);
    expect(validCardNumber(`${card[1]}${card[0]}${card.slice(2)}`)).toBe(card[0] === card[1]);
  });

  it('reads codes as typed or scanned: spaces and dashes dropped, a card link gives its number', () => {
    expect(normalizeCode(' tv-000 001 ')).toBe('TV000001');
    expect(normalizeCode('https://suotdoi.vn/cards/123456789012')).toBe('123456789012');
  });
});

describe('ILS statistics files', () => {
  it('reads a Koha report with semicolons, quotes and Vietnamese dates', () => {
    const table = parseCsv('\uFEFFNgày;Bộ sưu tập;"Lượt mượn"\r\n05/01/2026;"Văn học; thiếu nhi";12\r\n');
    const r = readIlsTable(table, { from: '2026-01-01', to: '2026-01-31' });
    expect(r.rows).toEqual([
      {
        day: '2026-01-05',
        collection: 'Văn học; thiếu nhi',
        readerCategory: '',
        loans: 12,
        activeReaders: 0,
        visits: 0,
      },
    ]);
  });

  it('names the missing columns and every bad line', () => {
    expect(
      readIlsTable(parseCsv('foo,bar\n1,2\n'), { from: '2026-01-01', to: '2026-12-31' }).missing,
    ).toEqual(['day', 'loans']);
    const r = readIlsTable(parseCsv('date,visits\n2026-01-01,-3\n2025-12-31,4\n'), {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(r.problems).toEqual([
      { line: 2, column: 'visits', value: '-3' },
      { line: 3, column: 'day', value: '2025-12-31' },
    ]);
  });
});
