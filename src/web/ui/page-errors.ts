// One place that turns an expected use-case failure (AppError) into the page's HTTP status, so the error
// boundary shows the translated message with the right code; anything else stays a 500 and is logged.
import { data } from 'react-router';
import type { ZodError } from 'zod';
import { isAppError } from '../../lib/errors.ts';
import { issuesToMessages } from './actor.ts';
import type { FormMessage } from './forms.ts';

export function rethrowForPage(e: unknown): never {
  if (isAppError(e)) throw data(null, { status: e.status });
  throw e;
}

/**
 * A list page's loader answer when its query string did not validate: the page still renders (filters
 * ignored), with status 400 and the reasons, never a quiet 200. A valid query answers a plain object, not
 * `data()`: only a plain object is kept from the browser handoff of a page that does not hydrate
 * (src/http/server-only-loader-data.server.ts); wrapped, the month view's rows were encoded for nobody on every
 * request (~7 % of its CPU, issue 17).
 */
export function queryAnswer<T extends object>(payload: T, error: ZodError | undefined) {
  if (!error) return { ...payload, problems: [] as FormMessage[] };
  return data({ ...payload, problems: issuesToMessages(error, {}) }, { status: 400 });
}
