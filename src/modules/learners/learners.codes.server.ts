// One-time codes: six digits, valid for a few minutes, single use, dead after a few wrong tries, stored only as
// HMAC-SHA256 under the server secret (so are the addresses they went to). Requests are limited per address
// and per client IP; wrong codes are limited per client IP. Every address gets the same treatment whether or
// not an account has it, so the answers reveal nothing about who is registered. Codes never reach the log.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from './learners.ids.server.ts';
import type { CodePurpose } from './learners.repository.server.ts';

export const CODE_TTL_MS = 5 * 60_000;
/** Wrong tries one code survives; the next try finds no live code. */
export const MAX_TRIES_PER_CODE = 5;
export const SEND_WINDOW_MS = 60 * 60_000;
export const MAX_SENDS_PER_ADDRESS = 5;
export const MAX_SENDS_PER_IP = 20;
export const FAIL_WINDOW_MS = 15 * 60_000;
export const MAX_FAILS_PER_IP = 30;
/** Between two codes to the same address. */
export const RESEND_AFTER_MS = 30_000;

type Deps = Pick<AppDeps, 'db' | 'repos' | 'config' | 'now'>;

function mac(deps: Pick<AppDeps, 'config'>, label: string, value: string): string {
  return createHmac('sha256', deps.config.sessionSecret).update(`${label}\u0000${value}`).digest('base64url');
}

export function addressHash(deps: Pick<AppDeps, 'config'>, address: string): string {
  return mac(deps, 'learners.address', address);
}

function codeHash(deps: Pick<AppDeps, 'config'>, id: string, code: string): string {
  return mac(deps, `learners.code.${id}`, code);
}

function tooMany(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('learners.code_rate_limited', 429, 'learners.error.tooManyCodes', {
    params: { seconds, minutes: Math.ceil(seconds / 60) },
  });
}

/**
 * Issues a code for the address (already normalised) and returns it for the caller to send. Refused (429) when
 * the address or the client address asked too often — counted the same for every address.
 */
export async function issueCode(
  deps: Deps,
  input: { address: string; purpose: CodePurpose; ip: string | null },
): Promise<string> {
  const now = deps.now();
  const hash = addressHash(deps, input.address);
  const since = new Date(now.getTime() - SEND_WINDOW_MS);
  const repo = deps.repos.learners;
  const [byAddress, recent, byIp] = await Promise.all([
    repo.countCodeEvents(deps.db, 'send', { addressHash: hash }, since),
    repo.countCodeEvents(deps.db, 'send', { addressHash: hash }, new Date(now.getTime() - RESEND_AFTER_MS)),
    input.ip ? repo.countCodeEvents(deps.db, 'send', { ip: input.ip }, since) : 0,
  ]);
  if (recent > 0) throw tooMany(new Date(now.getTime() + RESEND_AFTER_MS), now);
  if (byAddress >= MAX_SENDS_PER_ADDRESS || byIp >= MAX_SENDS_PER_IP)
    throw tooMany(new Date(now.getTime() + SEND_WINDOW_MS), now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = newId('otp');
  await deps.db.transaction(async (tx) => {
    await repo.recordCodeEvent(tx, {
      kind: 'send',
      addressHash: hash,
      ip: input.ip,
      at: now,
      pruneBefore: new Date(now.getTime() - 2 * SEND_WINDOW_MS),
    });
    await repo.insertCode(tx, {
      id,
      purpose: input.purpose,
      addressHash: hash,
      codeHash: codeHash(deps, id, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      now,
    });
  });
  return code;
}

/**
 * True when `code` is the live code for the address; it is then used up (a second use — a replay — is
 * refused). A wrong, expired, used or exhausted code gives the same refusal. 429 when this client address
 * got too many codes wrong.
 */
export async function consumeCode(
  deps: Deps,
  input: { address: string; purpose: CodePurpose; code: string; ip: string | null },
): Promise<boolean> {
  const now = deps.now();
  const repo = deps.repos.learners;
  if (input.ip) {
    const fails = await repo.countCodeEvents(
      deps.db,
      'fail',
      { ip: input.ip },
      new Date(now.getTime() - FAIL_WINDOW_MS),
    );
    if (fails >= MAX_FAILS_PER_IP) throw tooMany(new Date(now.getTime() + FAIL_WINDOW_MS), now);
  }
  const hash = addressHash(deps, input.address);
  const code = input.code.replace(/\s+/g, '');
  const live = /^\d{6}$/.test(code)
    ? await repo.takeTry(deps.db, input.purpose, hash, now, MAX_TRIES_PER_CODE)
    : undefined;
  if (live) {
    const expected = Buffer.from(live.codeHash);
    const given = Buffer.from(codeHash(deps, live.id, code));
    if (expected.length === given.length && timingSafeEqual(expected, given)) {
      if (await repo.markCodeUsed(deps.db, live.id, now)) return true;
    }
  }
  await repo.recordCodeEvent(deps.db, {
    kind: 'fail',
    addressHash: hash,
    ip: input.ip,
    at: now,
    pruneBefore: new Date(now.getTime() - 2 * SEND_WINDOW_MS),
  });
  return false;
}
