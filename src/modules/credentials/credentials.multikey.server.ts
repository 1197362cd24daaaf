// Ed25519 keys as the Data Integrity world writes them: Multikey (multibase base58btc of a multicodec-prefixed
// key) and JWK, over node:crypto. Pure functions, no I/O.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { base58 } from '@scure/base';

/** Multicodec prefixes: ed25519-pub (0xed) and ed25519-priv (0x1300), as unsigned varints. */
const ED25519_PUB = Uint8Array.of(0xed, 0x01);
const ED25519_PRIV = Uint8Array.of(0x80, 0x26);

export interface Ed25519Raw {
  /** 32-byte public key. */
  publicKey: Uint8Array;
  /** 32-byte seed (the private key). */
  seed: Uint8Array;
}

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');

export function generateEd25519(): Ed25519Raw {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(jwk.x!, 'base64url'), seed: Buffer.from(jwk.d!, 'base64url') };
}

/** Multibase base58btc ('z' prefix) of prefix + bytes. */
function multibase(prefix: Uint8Array, bytes: Uint8Array): string {
  const all = new Uint8Array(prefix.length + bytes.length);
  all.set(prefix);
  all.set(bytes, prefix.length);
  return `z${base58.encode(all)}`;
}

function unmultibase(value: string, prefix: Uint8Array, length: number): Uint8Array {
  if (!value.startsWith('z')) throw new Error('multibase: only base58btc (z) is supported');
  const all = base58.decode(value.slice(1));
  if (all.length !== prefix.length + length || prefix.some((b, i) => all[i] !== b)) {
    throw new Error('multikey: not an Ed25519 key of the expected kind');
  }
  return all.slice(prefix.length);
}

export const publicKeyMultibase = (publicKey: Uint8Array) => multibase(ED25519_PUB, publicKey);
export const secretKeyMultibase = (seed: Uint8Array) => multibase(ED25519_PRIV, seed);
export const decodePublicKeyMultibase = (v: string) => unmultibase(v, ED25519_PUB, 32);
export const decodeSecretKeyMultibase = (v: string) => unmultibase(v, ED25519_PRIV, 32);

export function publicJwk(publicKey: Uint8Array): { kty: 'OKP'; crv: 'Ed25519'; x: string } {
  return { kty: 'OKP', crv: 'Ed25519', x: b64url(publicKey) };
}

export function publicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: publicJwk(publicKey), format: 'jwk' });
}

export function privateKeyObject(key: Ed25519Raw): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: b64url(key.publicKey), d: b64url(key.seed) },
    format: 'jwk',
  });
}

/** Multibase signature value ('z' + base58btc), as in a proof's proofValue. */
export const encodeSignature = (sig: Uint8Array) => `z${base58.encode(sig)}`;
export function decodeSignature(v: string): Uint8Array {
  if (!v.startsWith('z')) throw new Error('proofValue: only base58btc (z) is supported');
  return base58.decode(v.slice(1));
}
