// Plural forms through Intl.PluralRules (issue 19, item 5): "1 event", "2 events"; Vietnamese has one form.
import type { Locale, MessageKey } from '../../lib/i18n.ts';

/** The message key for `count` among `<base>.one` / `<base>.other` (the forms the catalogues carry). */
export function pluralKey(locale: Locale, base: string, count: number): MessageKey {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return `${base}.${form}` as MessageKey;
}
