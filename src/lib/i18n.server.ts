// Message catalogues: Vietnamese first, English second. Server-only, so no browser downloads them: pages render
// their text on the server, and a hydrating page gets the few messages it needs from its loaders (ADR 0002).
// Keys are typed from vi.json; a test keeps en.json complete.
import en from '../../messages/en.json' with { type: 'json' };
import vi from '../../messages/vi.json' with { type: 'json' };
import {
  fillMessage,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Messages,
  type Translate,
} from './i18n.ts';

export * from './i18n.ts';

const catalogues: Record<Locale, Record<string, string>> = { vi, en };

/** True for a key of the catalogue (stored keys, e.g. of notifications, are checked before use). */
export function isMessageKey(s: unknown): s is MessageKey {
  return typeof s === 'string' && Object.hasOwn(vi, s);
}

/** Looks up a message and fills `{name}` placeholders. Falls back to Vietnamese, never to the key. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return fillMessage(catalogues[locale][key] ?? vi[key], params);
}

export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}

/** The given messages in one language, unfilled: what a loader returns for its page's client code. */
export function messagesFor(locale: Locale, keys: Iterable<MessageKey>): Messages {
  const out: Messages = {};
  for (const key of keys) out[key] = catalogues[locale][key] ?? vi[key];
  return out;
}
