// Hooks for pages: the current language and its translator, read from the root loader.
import { useRouteLoaderData } from 'react-router';
import { type Locale, localePath, type Translate, translator } from '../lib/i18n.ts';

export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: Locale } | undefined;
  return data?.locale ?? 'vi';
}

export function useT(): Translate {
  return translator(useLocale());
}

/** Builds a link inside the current language: `href('/admin/units')` → `/en/admin/units` in English. */
export function useHref(): (path: string) => string {
  const locale = useLocale();
  return (path) => localePath(locale, path);
}
