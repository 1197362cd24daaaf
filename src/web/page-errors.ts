// One place that turns an expected use-case failure (AppError) into the page's HTTP status, so the error
// boundary shows the translated message with the right code; anything else stays a 500 and is logged.
import { data } from 'react-router';
import { isAppError } from '../lib/errors.ts';

export function rethrowForPage(e: unknown): never {
  if (isAppError(e)) throw data(null, { status: e.status });
  throw e;
}
