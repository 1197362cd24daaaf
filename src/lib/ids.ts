// Public identifiers: a kind prefix and 16 random base32 characters (80 bits) — readable, not enumerable.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export const ID_PREFIXES = [
  'unit',
  'usr',
  'grt',
  'task',
  'ins',
  'aud',
  'day',
  'ses',
  'acc',
  'ver',
  'tfa',
  'mail',
  'job',
  'rec',
  'hld',
  'imp',
  'bud',
  'ntf',
  'rpt',
  'evd',
  'pev',
  'ted',
  'file',
  'evt',
  'evs',
  'reg',
  'att',
  'fbk',
  'img',
  'exh',
  'exs',
  'exi',
  'hsrc',
  'hrun',
  'fol',
  'csub',
  'place',
  'route',
  'stop',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 32];
  return `${prefix}_${out}`;
}

export const ID_PATTERN = /^[a-z]{2,5}_[a-z2-9]{16}$/;
