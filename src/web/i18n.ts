// Hooks for pages: the current language and its translator. Text is rendered on the server from the full
// catalogues (handed in by entry.server.tsx, never imported here, so no browser downloads them). A page that
// hydrates translates only with the messages its routes' loaders return (`messages: messagesFor(locale, keys)`)
// on the server as in the browser, so both render the same text (ADR 0002).
import { createContext, useContext, useMemo } from 'react';
import { useMatches, useRouteError, useRouteLoaderData } from 'react-router';
import {
  fillMessage,
  type Locale,
  localePath,
  type MessageKey,
  type MessageParams,
  type Messages,
  type Translate,
} from '../lib/i18n.ts';

export interface Catalogue {
  t: (locale: Locale, key: MessageKey, params?: MessageParams) => string;
  has: (key: unknown) => key is MessageKey;
}

/** The full catalogues, provided while rendering on the server only (entry.server.tsx). */
export const ServerCatalogue = createContext<Catalogue | null>(null);

export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: Locale } | undefined;
  return data?.locale ?? 'vi';
}

/**
 * True when the page loads its scripts: a matched route asks for it (`handle.hydrate`) and nothing failed (an
 * error page is plain content, translated on the server).
 */
export function usePageHydrates(): boolean {
  const matches = useMatches();
  const error = useRouteError();
  return error == null && matches.some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate);
}

/** The messages the matched routes' loaders returned, merged (the leaf's win). */
function loaderMessages(matches: ReturnType<typeof useMatches>): Messages {
  return Object.assign(
    {},
    ...matches.map((m) => (m.loaderData as { messages?: Messages } | null | undefined)?.messages),
  ) as Messages;
}

export interface Translation {
  t: Translate;
  /** Whether `key` can be translated here (e.g. a message key carried by an error). */
  has: (key: unknown) => key is MessageKey;
}

export function useTranslation(): Translation {
  const locale = useLocale();
  const server = useContext(ServerCatalogue);
  const hydrates = usePageHydrates();
  const matches = useMatches();
  return useMemo(() => {
    if (server && !hydrates) return { t: (key, params) => server.t(locale, key, params), has: server.has };
    // Merged only when used: a content page rendered on the server translates from the full catalogue, and
    // merging every loader's messages for each of its components was ~2% of the home page's CPU.
    const loaded = loaderMessages(matches);
    return {
      // A key its loaders did not return shows as the key, on the server and in the browser alike.
      t: (key, params) => fillMessage(loaded[key] ?? key, params),
      has: (key): key is MessageKey => typeof key === 'string' && Object.hasOwn(loaded, key),
    };
  }, [server, hydrates, locale, matches]);
}

export function useT(): Translate {
  return useTranslation().t;
}

/** Builds a link inside the current language: `href('/admin/units')` → `/en/admin/units` in English. */
export function useHref(): (path: string) => string {
  const locale = useLocale();
  return (path) => localePath(locale, path);
}
