// One place that turns an expected use-case failure (AppError) into the page's HTTP status, so the error
// boundary shows the translated message with the right code; anything else stays a 500 and is logged.
import { data } from 'react-router';
import type { ZodError } from 'zod';
import { isAppError } from '../../lib/errors.ts';
import { issuesToMessages } from './actor.ts';

export function rethrowForPage(e: unknown): never {
  if (isAppError(e)) throw data(null, { status: e.status });
  throw e;
}

/**
 * A list page's loader answer when its query string did not validate: the page still renders (filters
 * ignored), with status 400 and the reasons, never a quiet 200.
 */
export function queryAnswer<T extends object>(payload: T, error: ZodError | undefined) {
  const problems = error ? issuesToMessages(error, {}) : [];
  return data({ ...payload, problems }, { status: error ? 400 : 200 });
}
