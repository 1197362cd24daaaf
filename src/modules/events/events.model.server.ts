// Vocabulary and small pure rules of events: categories, audiences, Vietnamese phone numbers,
// ticket codes and the secrets sent by mail.
import { createHash, randomBytes } from 'node:crypto';

export * from './events.vocab.ts';

/**
 * A Vietnamese phone number as people type it (spaces, dots, dashes, +84 or 84 prefix) in the national
 * form `0xxxxxxxxx`: mobiles 03/05/07/08/09 + 8 digits, landlines 02 + 9 digits. null when it is not one.
 */
export function normalizeVietnamesePhone(raw: string): string | null {
  let s = raw.trim().replace(/[\s.\-()]/g, '');
  if (s.startsWith('+84')) s = `0${s.slice(3)}`;
  else if (/^84\d{9,10}$/.test(s)) s = `0${s.slice(2)}`;
  if (/^0[35789]\d{8}$/.test(s) || /^02\d{9}$/.test(s)) return s;
  return null;
}

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const TICKET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 12 characters from a 31-symbol alphabet (≈ 59 bits), shown as XXXX-XXXX-XXXX. */
export function newTicketCode(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += TICKET_ALPHABET[b % TICKET_ALPHABET.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/** A code as typed or scanned (any case, spaces, missing dashes, a full ticket URL) in its stored form. */
export function normalizeTicketCode(raw: string): string | null {
  const lastSegment = raw.trim().split('/').pop() ?? '';
  const s = lastSegment.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (s.length !== 12 || [...s].some((c) => !TICKET_ALPHABET.includes(c))) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

/** A secret for a link sent by mail, and the hash stored in its place. */
export function newLinkSecret(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashLinkSecret(token) };
}

/**
 * Two stored values in the place of link-secret hashes for a registration whose links are not sent yet (the mail
 * stores the hash of its own secret): random, so no token can ever match them, as the hash of a secret thrown
 * away; 64 hex characters like a SHA-256, from one call to the random source.
 */
export function unmatchableHashes(): [string, string] {
  const hex = randomBytes(64).toString('hex');
  return [hex.slice(0, 64), hex.slice(64)];
}

export function hashLinkSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
