// Turns any thrown error into an RFC 9457 problem+json answer. Unknown errors are logged with the request id
// and answered with a generic message: never a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, fromDatabaseError, type ProblemDetails } from '../lib/errors.ts';
import { t } from '../lib/i18n.ts';
import type { HonoEnv } from './env.ts';

export function zodToAppError(e: ZodError): AppError {
  return new AppError('request.invalid', 400, 'error.validation', {
    details: e.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  });
}

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return zodToAppError(err);
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('request.too_large', 413, 'error.tooLarge');
    if (err.status === 403) return new AppError('request.csrf', 403, 'error.csrf');
    if (err.status === 400) return new AppError('request.malformed', 400, 'error.malformed');
    if (err.status === 401) return new AppError('auth.required', 401, 'error.unauthenticated');
    if (err.status === 404) return new AppError('route.not_found', 404, 'error.notFound');
    if (err.status === 429) return new AppError('request.rate_limited', 429, 'error.rateLimited');
    return new AppError('request.failed', err.status, 'error.generic');
  }
  if (err instanceof SyntaxError) return new AppError('request.malformed_json', 400, 'error.malformed');
  return fromDatabaseError(err);
}

export function problemResponse(c: Context<HonoEnv>, err: AppError): Response {
  const locale = c.get('locale') ?? 'vi';
  const body: ProblemDetails = {
    type: `urn:suot-doi:problem:${err.code}`,
    title: t(locale, err.messageKey, err.params),
    status: err.status,
    code: err.code,
    instance: c.req.path,
    requestId: c.get('requestId'),
    ...(err.details ? { errors: err.details } : {}),
    ...(err.current !== undefined ? { current: err.current } : {}),
  };
  return c.body(JSON.stringify(body), err.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

export function handleError(err: unknown, c: Context<HonoEnv>): Response {
  const known = toAppError(err);
  if (known) return problemResponse(c, known);
  c.get('deps')?.logger.error({ err, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
  return problemResponse(c, new AppError('internal', 500, 'error.generic'));
}
