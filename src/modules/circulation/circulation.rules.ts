// Pure rules of circulation: which loan rule applies, due dates, card numbers, renewal and block decisions.
import type { ItemKind } from './circulation.vocab.ts';

export interface LoanRule {
  unitId: string;
  itemKind: string;
  loanDays: number;
  maxItems: number;
  maxRenewals: number;
  holdsAllowed: boolean;
  holdShelfDays: number;
  remindDaysBefore: number;
  /** Lending stops while the reader has a loan overdue by more than this many days; null = never. */
  blockWhenOverdueDays: number | null;
  finesEnabled: boolean;
  finePerDayVnd: number;
}

/** What a unit lends by when it has written no rule of its own. */
export const DEFAULT_RULE: Omit<LoanRule, 'unitId' | 'itemKind'> = {
  loanDays: 14,
  maxItems: 5,
  maxRenewals: 2,
  holdsAllowed: true,
  holdShelfDays: 7,
  remindDaysBefore: 2,
  blockWhenOverdueDays: 30,
  finesEnabled: false,
  finePerDayVnd: 0,
};

/** The unit's rule for this kind, else the unit's default ('*'), else the platform default. */
export function ruleFor(rules: readonly LoanRule[], unitId: string, kind: ItemKind | string): LoanRule {
  return (
    rules.find((r) => r.unitId === unitId && r.itemKind === kind) ??
    rules.find((r) => r.unitId === unitId && r.itemKind === '*') ?? { unitId, itemKind: '*', ...DEFAULT_RULE }
  );
}

const DAY = 86_400_000;

/**
 * Due at the end of the library day (23:59 Vietnam time, UTC+7, no daylight saving) `days` days after
 * `from`: a book lent at 08:00 or at 17:00 is due on the same date.
 */
export function dueDate(from: Date, days: number): Date {
  const local = new Date(from.getTime() + 7 * 3_600_000);
  const endOfLocalDay = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 23, 59, 0);
  return new Date(endOfLocalDay - 7 * 3_600_000 + days * DAY);
}

/** Whole days past due (0 when not overdue). */
export function daysOverdue(due: Date, now: Date): number {
  return now <= due ? 0 : Math.ceil((now.getTime() - due.getTime()) / DAY);
}

/** A fine only when the unit turned fines on. */
export function fineVnd(rule: LoanRule, due: Date, returned: Date): number {
  return rule.finesEnabled ? daysOverdue(due, returned) * rule.finePerDayVnd : 0;
}

/** Luhn check digit of a string of digits. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 12-digit card number ending in a Luhn digit (a typo at the desk is caught before any lookup). */
export function cardNumberFrom(random11: string): string {
  if (!/^\d{11}$/.test(random11)) throw new Error('eleven digits expected');
  return random11 + luhnDigit(random11);
}

export function validCardNumber(s: string): boolean {
  return /^\d{12}$/.test(s) && luhnDigit(s.slice(0, 11)) === s.slice(11);
}

/** A code as typed or scanned: spaces and dashes dropped, letters upper-cased; a scanned card URL gives its number. */
export function normalizeCode(raw: string): string {
  const trimmed = raw.trim();
  const fromUrl = /\/cards\/(\d{12})(?:[/?#]|$)/.exec(trimmed);
  if (fromUrl?.[1]) return fromUrl[1];
  return trimmed.replace(/[\s-]+/g, '').toUpperCase();
}

export function ageIn(year: number, birthYear: number | null): number | null {
  return birthYear === null ? null : year - birthYear;
}

export type RenewRefusal = 'hold_waiting' | 'max_renewals' | 'overdue_blocked' | null;

export function renewRefusal(o: {
  rule: LoanRule;
  renewals: number;
  holdWaiting: boolean;
  due: Date;
  now: Date;
}): RenewRefusal {
  if (o.holdWaiting) return 'hold_waiting';
  if (o.renewals >= o.rule.maxRenewals) return 'max_renewals';
  if (o.rule.blockWhenOverdueDays !== null && daysOverdue(o.due, o.now) > o.rule.blockWhenOverdueDays)
    return 'overdue_blocked';
  return null;
}
