// The one error model. Codes are dotted (`auth.forbidden`); messageKey points into messages/*.json.
import { isDatabaseUnavailable } from './db-unavailable.ts';
import type { MessageKey } from './i18n.ts';

export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: Array<{ path: string; message: string }>;
  /** On a version conflict: the entity as stored now, with its `version`. */
  current?: unknown;
};

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageKey: MessageKey;
  readonly details: Array<{ path: string; message: string }> | undefined;
  readonly params: Record<string, string | number> | undefined;
  /** What is stored now, for a 409 on a stale version: the client sees the other change. */
  readonly current: unknown;

  constructor(
    code: string,
    status: number,
    messageKey: MessageKey,
    opts: {
      details?: Array<{ path: string; message: string }>;
      params?: Record<string, string | number>;
      current?: unknown;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.messageKey = messageKey;
    this.details = opts.details;
    this.params = opts.params;
    this.current = opts.current;
  }
}

export const forbidden = () => new AppError('auth.forbidden', 403, 'error.forbidden');
export const unauthenticated = () => new AppError('auth.required', 401, 'error.unauthenticated');
export const notFound = (what = 'resource') => new AppError(`${what}.not_found`, 404, 'error.notFound');
export const conflict = (code: string, key: MessageKey = 'error.conflict') => new AppError(code, 409, key);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Maps a PostgreSQL constraint violation raised by user input into a 409/422 instead of a 500. */
export function fromDatabaseError(e: unknown): AppError | undefined {
  const code =
    (e as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (e as { cause?: { code?: unknown } })?.cause?.code;
  if (code === '23505') return new AppError('db.duplicate', 409, 'error.duplicate');
  if (code === '23503') return new AppError('db.reference', 422, 'error.reference');
  if (code === '22001') return new AppError('db.too_long', 422, 'error.validation');
  if (code === '22021' || code === '22P05')
    return new AppError('db.bad_character', 400, 'error.nulCharacter');
  if (code === '40001' || code === '40P01') return new AppError('db.retry', 409, 'error.conflict');
  // The database cannot be reached (refused, lost, shutting down): 503 with Retry-After, never 500.
  if (isDatabaseUnavailable(e)) return new AppError('db.unavailable', 503, 'error.unavailable');
  return undefined;
}
