// Public identifiers: a kind prefix and 16 random base32 characters (80 bits) — readable, not enumerable.
// There is no central list of kinds: each module declares its own prefixes in `<feature>.ids.server.ts`
// (`defineIds`) and names them in its descriptor (`idPrefixes`); the module's code mints through that file's
// `newId`, which only accepts the module's prefixes. src/app/id-prefixes.test.ts fails when two modules
// declare the same prefix or a module mints one it did not declare.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export const ID_PATTERN = /^[a-z]{2,5}_[a-z2-9]{16}$/;
const PREFIX_PATTERN = /^[a-z]{2,5}$/;

// Random bytes are drawn 4 KiB at a time (one CSPRNG call per 256 ids): an import mints two ids per record,
// and a call per id was 5 % of its CPU.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let used = 0;

function mint(prefix: string): string {
  if (used + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + 16; i++) out += ALPHABET[(pool[i] as number) % 32];
  used += 16;
  return `${prefix}_${out}`;
}

/** The id kinds one module mints, and its minting function restricted to them. */
export interface IdFactory<P extends string> {
  /** The module's prefixes (its descriptor's `idPrefixes`). */
  readonly prefixes: readonly P[];
  /** A new id of one of the module's kinds, e.g. `evt_k3m…` (prefix, `_`, 16 base32 characters). */
  newId(prefix: P): string;
}

/** Declares a module's id kinds: 2–5 lower-case letters each (the shape `ID_PATTERN` accepts). */
export function defineIds<const P extends string>(prefixes: readonly P[]): IdFactory<P> {
  for (const p of prefixes)
    if (!PREFIX_PATTERN.test(p)) throw new Error(`id prefix "${p}" is not 2 to 5 lower-case letters`);
  return { prefixes, newId: (prefix: P) => mint(prefix) };
}
