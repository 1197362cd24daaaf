// Recognises "the database cannot be reached right now" among the errors of pg, PGlite and Drizzle (which
// wraps driver errors in `cause`). Such an error is answered 503 with Retry-After, never 500.

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a lost or refused connection: class 08, admin/crash shutdown, cannot connect now. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

function isConnectionLossOne(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && MESSAGES.some((m) => message.startsWith(m));
}

/** True when `e` (or an error in its `cause` chain, or an AggregateError member) is a lost/refused connection. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 8; depth++) {
    if (isConnectionLossOne(cur)) return true;
    if (cur instanceof AggregateError && cur.errors.some(isConnectionLossOne)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
