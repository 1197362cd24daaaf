// Languages, message keys and message formatting, safe for browser code: no catalogue here. The catalogues and
// `t()` are server-only (i18n.server.ts); a page that hydrates gets its few messages from its loaders (ADR 0002).
import { redirectTarget } from './redirect-target.ts';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
/** Keys are typed from vi.json (a type-only reference: the catalogue itself is not imported). */
export type MessageKey = keyof typeof import('../../messages/vi.json');

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
/** Some messages of one language, as a loader hands them to a hydrating page. */
export type Messages = Partial<Record<MessageKey, string>>;

export function isLocale(s: unknown): s is Locale {
  return s === 'vi' || s === 'en';
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
export function fillMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
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
