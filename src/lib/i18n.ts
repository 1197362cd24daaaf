// Message catalogues: Vietnamese first, English second. Keys are typed from vi.json; a test keeps en.json complete.
import en from '../../messages/en.json' with { type: 'json' };
import vi from '../../messages/vi.json' with { type: 'json' };
import { redirectTarget } from './redirect-target.ts';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export type MessageKey = keyof typeof vi;

const catalogues: Record<Locale, Record<string, string>> = { vi, en };

/** True for a key of the catalogue (stored keys, e.g. of notifications, are checked before use). */
export function isMessageKey(s: unknown): s is MessageKey {
  return typeof s === 'string' && Object.hasOwn(vi, s);
}

export function isLocale(s: unknown): s is Locale {
  return s === 'vi' || s === 'en';
}

/** Looks up a message and fills `{name}` placeholders. Falls back to Vietnamese, never to the key. */
export function t(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[locale][key] ?? vi[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}

/** Path prefix for a locale: Vietnamese lives at the root, English under /en. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (locale === 'vi') return clean;
  return clean === '/' ? '/en' : `/en${clean}`;
}

/**
 * The same page in the other language: strips or adds the /en prefix. The path comes from the request, so
 * it goes through the redirect-target check (a request for `//evil.example` must not link there).
 */
export function switchLocalePath(pathname: string, search: string, to: Locale): string {
  const bare = pathname === '/en' ? '/' : pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
  return redirectTarget(localePath(to, bare) + search, localePath(to, '/'));
}
