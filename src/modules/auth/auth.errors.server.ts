// Turns better-auth's refusals into our AppErrors with translated messages.
import { isAPIError } from 'better-auth/api';
import { TIME_ZONE } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { passwordError } from './auth.users.server.ts';

const timeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Our limiter puts `retry-after:<ISO time>` (this address is refused for minutes) or `slow-down:<ISO time>`
 * (the account asks for a few seconds' pause) in the refusal message.
 */
export function rateLimitError(message: string, now: Date, _locale?: string): AppError {
  const slowed = message.startsWith('slow-down:');
  const iso = message.replace(/^(retry-after|slow-down):/, '');
  const at = Number.isNaN(Date.parse(iso)) ? new Date(now.getTime() + 5 * 60 * 1000) : new Date(iso);
  const seconds = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
  if (slowed) return new AppError('auth.slowed_down', 429, 'auth.error.slowedDown', { params: { seconds } });
  return new AppError('auth.rate_limited', 429, 'auth.error.rateLimited', {
    params: { minutes: Math.max(1, Math.ceil(seconds / 60)), time: timeFmt.format(at), seconds },
  });
}

const BY_CODE: Record<string, { code: string; status: number; key: MessageKey }> = {
  INVALID_EMAIL_OR_PASSWORD: {
    code: 'auth.invalid_credentials',
    status: 401,
    key: 'auth.error.invalidCredentials',
  },
  ACCOUNT_DISABLED: { code: 'auth.account_disabled', status: 403, key: 'auth.error.accountDisabled' },
  SESSION_NOT_FRESH: { code: 'auth.session_not_fresh', status: 403, key: 'auth.error.sessionNotFresh' },
  INVALID_PASSWORD: { code: 'auth.wrong_password', status: 422, key: 'auth.error.wrongPassword' },
  CREDENTIAL_ACCOUNT_NOT_FOUND: {
    code: 'auth.wrong_password',
    status: 422,
    key: 'auth.error.wrongPassword',
  },
  INVALID_TOKEN: { code: 'auth.invalid_token', status: 400, key: 'auth.error.invalidToken' },
  INVALID_CODE: { code: 'auth.invalid_code', status: 422, key: 'auth.error.invalidCode' },
  INVALID_BACKUP_CODE: { code: 'auth.invalid_code', status: 422, key: 'auth.error.invalidCode' },
  INVALID_TWO_FACTOR_COOKIE: {
    code: 'auth.two_factor_expired',
    status: 401,
    key: 'auth.error.twoFactorExpired',
  },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: {
    code: 'auth.two_factor_expired',
    status: 401,
    key: 'auth.error.twoFactorTooManyAttempts',
  },
  ACCOUNT_TEMPORARILY_LOCKED: {
    code: 'auth.two_factor_locked',
    status: 429,
    key: 'auth.error.twoFactorLocked',
  },
  TOTP_ALREADY_ENABLED: {
    code: 'auth.two_factor_enabled',
    status: 409,
    key: 'auth.error.twoFactorAlreadyEnabled',
  },
  TOTP_NOT_ENABLED: { code: 'auth.two_factor_missing', status: 409, key: 'auth.error.twoFactorNotStarted' },
  TWO_FACTOR_NOT_ENABLED: {
    code: 'auth.two_factor_missing',
    status: 409,
    key: 'auth.error.twoFactorNotStarted',
  },
};

/** The AppError for a better-auth refusal; anything else (bugs, database failures) is returned as is. */
export function fromAuthError(e: unknown, now: Date): unknown {
  if (!isAPIError(e)) return e;
  const body = (e.body ?? {}) as { code?: string; message?: string };
  const code = body.code ?? '';
  if (code === 'SIGN_IN_RATE_LIMITED' || code === 'SIGN_IN_SLOWED')
    return rateLimitError(body.message ?? '', now);
  if (code === 'PASSWORD_TOOSHORT' || code === 'PASSWORD_TOO_SHORT') return passwordError('tooShort');
  if (code === 'PASSWORD_TOOLONG' || code === 'PASSWORD_TOO_LONG') return passwordError('tooLong');
  if (code === 'PASSWORD_COMMON') return passwordError('common');
  const known = BY_CODE[code];
  if (known) return new AppError(known.code, known.status, known.key);
  if (e.statusCode === 401) return new AppError('auth.required', 401, 'error.unauthenticated');
  if (e.statusCode === 403) return new AppError('auth.forbidden', 403, 'error.forbidden');
  if (e.statusCode >= 400 && e.statusCode < 500) return new AppError('auth.refused', 400, 'error.validation');
  return e;
}
