// Shared pieces of the sign-in, password and account pages: Set-Cookie
// forwarding and turning expected failures into messages the form shows.
import { data } from 'react-router';
import { isAppError } from '../../lib/errors.ts';
import { type Locale, localePath, type MessageKey } from '../../lib/i18n.ts';

export interface FormMessage {
  /** The input the message belongs to (its id), for the error summary link. */
  field?: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export function homeFor(locale: Locale): string {
  return localePath(locale, '/');
}

export function cookieHeaders(setCookies: readonly string[]): Headers {
  const h = new Headers();
  for (const c of setCookies) h.append('Set-Cookie', c);
  return h;
}

export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}

/**
 * An expected failure as the page's action answer (status kept, the form re-renders with the message);
 * anything unexpected is rethrown for the error boundary.
 */
export function failure<V extends object>(e: unknown, values: V, field?: string) {
  if (!isAppError(e)) throw e;
  const headers = new Headers();
  const seconds = e.params?.seconds;
  if (e.status === 429 && seconds) headers.set('Retry-After', String(seconds));
  const message: FormMessage = {
    key: e.messageKey,
    ...(e.params ? { params: e.params } : {}),
    ...(field ? { field } : {}),
  };
  return data({ ok: false as const, errors: [message], values }, { status: e.status, headers });
}

export function invalid<V extends object>(errors: FormMessage[], values: V) {
  return data({ ok: false as const, errors, values }, { status: 422 });
}

/**
 * Route `headers` export for pages whose actions answer with data (not a redirect): forwards the action's
 * Set-Cookie and Retry-After to the rendered document, which React Router would otherwise drop.
 */
export function forwardActionHeaders({ actionHeaders }: { actionHeaders: Headers }): Headers {
  const out = new Headers();
  for (const c of actionHeaders.getSetCookie()) out.append('Set-Cookie', c);
  const retry = actionHeaders.get('Retry-After');
  if (retry) out.set('Retry-After', retry);
  return out;
}
