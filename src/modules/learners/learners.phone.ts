// Vietnamese mobile numbers to E.164 (+84…). Pure: no I/O. Landlines and foreign numbers are refused: a code
// sent by SMS needs a mobile, and the SMS gateways the platform uses deliver in Vietnam only.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** `0912 345 678`, `84912345678`, `+84 912-345-678` → `+84912345678`; null when not a Vietnamese mobile. */
export function toE164VietnameseMobile(raw: string): string | null {
  const cleaned = raw.normalize('NFKC').trim();
  if (cleaned.length === 0 || cleaned.length > 32) return null;
  if (!/^[+0-9 ().-]+$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, 'VN');
  if (parsed?.country !== 'VN' || !parsed.isValid()) return null;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return parsed.number;
}

/** `+84912345678` → `0912345678`: the national form the events module stores for guests. */
export function nationalForm(e164: string): string {
  return e164.startsWith('+84') ? `0${e164.slice(3)}` : e164;
}

/** `+84912345678` → `+84 91••••678`, for pages that confirm where a code went without showing the number. */
export function maskPhone(e164: string): string {
  if (e164.length < 8) return '••••';
  return `${e164.slice(0, 3)} ${e164.slice(3, 5)}••••${e164.slice(-3)}`;
}
