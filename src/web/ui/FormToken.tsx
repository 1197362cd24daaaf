// One-time form tokens for creating forms. The language layout's loader mints a fresh token for every page
// render (loaders run again after every submission), every creating form carries it in a hidden field, and the
// action claims it with the write (web/form-once.ts), so a double click or a resubmit after a timeout has one
// effect: the second submission gets the first one's outcome.
import { useRouteLoaderData } from 'react-router';

export const FORM_TOKEN_FIELD = 'formToken';
const LOCALE_ROUTE_ID = 'site/locale';

/** Loader side: a fresh random token (global Web Crypto, the same in Node and browsers). */
export function newFormToken(): string {
  return `ftk_${crypto.randomUUID()}`;
}

export function useFormToken(): string | null {
  const data = useRouteLoaderData(LOCALE_ROUTE_ID) as { formToken?: string } | null | undefined;
  return data?.formToken ?? null;
}

/** The hidden field every creating form carries. */
export function FormToken() {
  const token = useFormToken();
  return token ? <input type="hidden" name={FORM_TOKEN_FIELD} value={token} /> : null;
}
