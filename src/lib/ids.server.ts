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
  // learners: family profiles, one-time codes, consents
  'lrn',
  'otp',
  'cns',
  'rdr',
  'itm',
  'loan',
  'hold',
  'ilsi',
  'lrc',
  'lpath',
  'lstep',
  'qatt',
  'rch',
  'rce',
  // indicators and reports (issue 13)
  'ind',
  'itg',
  'imv',
  'rper',
  'rsub',
  'rsev',
  'rgen',
  'rdoc',
  'art',
  'cmp',
  'mdp',
  'gdoc',
  'ach',
  'cred',
  'ikey',
  'dsr',
  // training and sponsorship (issue 16)
  'trc',
  'trs',
  'spn',
  'sagr',
  'don',
  // international cooperation, inspections, commendations (issue 16)
  'cpar',
  'cact',
  'cdoc',
  'insp',
  'ivis',
  'ifol',
  'cmnd',
  'cev',
  // citizen assessments, consent ledger (issue 14)
  'cit',
  'cld',
  'brc',
  'rst',
  'rev',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

// Random bytes are drawn 4 KiB at a time (one CSPRNG call per 256 ids): an import mints two ids per record,
// and a call per id was 5 % of its CPU.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let used = 0;

export function newId(prefix: IdPrefix): string {
  if (used + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + 16; i++) out += ALPHABET[(pool[i] as number) % 32];
  used += 16;
  return `${prefix}_${out}`;
}

export const ID_PATTERN = /^[a-z]{2,5}_[a-z2-9]{16}$/;
