// Amounts of money are integers of đồng (VND has no minor unit in use). Shown as `1.234.567 ₫`; typed by
// people as "1.234.567" or "1234567" and parsed strictly: anything else is refused with a reason, never guessed.

/** The largest amount a budget line accepts: 1.000.000.000.000 ₫ (one thousand billion đồng). */
export const MAX_VND_AMOUNT = 1_000_000_000_000;

/** `1234567` → `1.234.567 ₫`. Negative amounts keep their sign: `-5.000 ₫`. */
export function formatVnd(amount: number): string {
  return `${groupThousands(amount)} ₫`;
}

/** `1234567` → `1.234.567` (Vietnamese grouping with dots, no currency sign). */
export function groupThousands(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of đồng: ${amount}`);
  const digits = String(Math.abs(amount));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return amount < 0 ? `-${out}` : out;
}

export type VndParseResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'format' | 'too_large' };

// Either plain digits, or groups of three separated by dots ("1.234.567"); an optional "₫"/"đ" after.
const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const CURRENCY_SUFFIX = /\s*(₫|đ|VND|VNĐ)$/i;

/**
 * Strict parse of an amount a person typed. Accepted: "1234567", "1.234.567", either followed by "₫", "đ"
 * or "VND". Refused: decimals ("12,5"), commas as group separators ("1,234,567"), misplaced dots
 * ("1.23.456"), signs, spaces inside the number, leading zeros ("0012"), and amounts above MAX_VND_AMOUNT.
 */
export function parseVnd(input: string, max: number = MAX_VND_AMOUNT): VndParseResult {
  const s = input.trim().replace(CURRENCY_SUFFIX, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!PLAIN.test(s) && !GROUPED.test(s)) return { ok: false, reason: 'format' };
  const digits = s.replaceAll('.', '');
  if (digits.length > 1 && digits.startsWith('0')) return { ok: false, reason: 'format' };
  if (digits.length > 16) return { ok: false, reason: 'too_large' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, reason: 'too_large' };
  return { ok: true, value };
}
