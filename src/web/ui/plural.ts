// Plural forms through Intl.PluralRules (issue 19, item 5): "1 event", "2 events"; Vietnamese has one form.
import type { Locale, MessageKey } from '../../lib/i18n.ts';

// One rules object per locale: building Intl.PluralRules on every call was 5 % of the month view's render
// time (ADR 0013, events section).
const rules = new Map<Locale, Intl.PluralRules>();

function rulesFor(locale: Locale): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return r;
}

/** The message key for `count` among `<base>.one` / `<base>.other` (the forms the catalogues carry). */
export function pluralKey(locale: Locale, base: string, count: number): MessageKey {
  const form = rulesFor(locale).select(count) === 'one' ? 'one' : 'other';
  return `${base}.${form}` as MessageKey;
}
