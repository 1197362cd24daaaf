// Turns any thrown error into an RFC 9457 problem+json answer. Unknown errors are logged with the request id
// and answered with a generic message: never a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/db-unavailable.ts';
import { AppError, fromDatabaseError, type ProblemDetails } from '../lib/errors.ts';
import { isMessageKey, t } from '../lib/i18n.server.ts';
import type { HonoEnv } from './env.ts';

/** An issue from the shared field builders (text, dates) carries a message key: say it in words. */
function issueMessage(issue: ZodError['issues'][number]): string {
  const params =
    'params' in issue ? (issue.params as Record<string, string | number> | undefined) : undefined;
  const key = params?.messageKey;
  return isMessageKey(key) ? t('vi', key, params) : issue.message;
}

export function zodToAppError(e: ZodError): AppError {
  return new AppError('request.invalid', 400, 'error.validation', {
    details: e.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: issueMessage(i) })),
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
    // A 503 is temporary (database unreachable, shutting down): tell clients when to come back.
    ...(err.status === 503 ? { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } : {}),
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A browser asking for a page (not the API, not a feed) gets a translated page instead of JSON. */
function wantsPage(c: Context<HonoEnv>): boolean {
  return !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
}

/** The page shown for a temporary failure raised before React Router runs (e.g. resolving the session). */
function unavailablePage(c: Context<HonoEnv>, err: AppError): Response {
  const locale = c.get('locale') ?? 'vi';
  const message = escapeHtml(t(locale, err.messageKey));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message} — Suốt Đời</title></head><body><main><h1>${message}</h1><p>${escapeHtml(t(locale, 'error.requestId'))}: <code>${escapeHtml(c.get('requestId') ?? '')}</code></p></main></body></html>`;
  return c.html(html, 503, { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) });
}

export function handleError(err: unknown, c: Context<HonoEnv>): Response {
  const known = toAppError(err);
  if (known?.status === 503) {
    c.get('deps')?.logger.warn(
      { err, requestId: c.get('requestId'), path: c.req.path },
      'database unavailable',
    );
    if (wantsPage(c)) return unavailablePage(c, known);
  }
  if (known) return problemResponse(c, known);
  c.get('deps')?.logger.error({ err, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
  return problemResponse(c, new AppError('internal', 500, 'error.generic'));
}
