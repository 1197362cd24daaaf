// Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C vc-di-eddsa §3.3): the proof options and
// the document are each canonicalised with RDFC-1.0 and hashed with SHA-256; the Ed25519 signature is over
// proofHash ‖ documentHash. The JSON-LD loader serves only bundled contexts (credentials.loader.server.ts).
import { createHash, sign, verify } from 'node:crypto';
import jsonld from 'jsonld';
import { documentLoader as bundled, type DocumentLoader } from './credentials.loader.server.ts';
import {
  decodeSignature,
  type Ed25519Raw,
  encodeSignature,
  privateKeyObject,
  publicKeyObject,
} from './credentials.multikey.server.ts';

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-rdfc-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue?: string;
}

export type JsonObject = { [k: string]: unknown };

async function canonicalHash(doc: JsonObject, loader: DocumentLoader): Promise<Buffer> {
  // `safe: true` (the default for canonize) fails on any term the contexts do not define, so nothing
  // unsigned can slip past the canonical form.
  // RDFC-1.0 (jsonld's default algorithm) to N-Quads; options typed loosely: @types/jsonld predates `safe`.
  const options = {
    format: 'application/n-quads',
    documentLoader: loader,
    safe: true,
    canonizeOptions: { algorithm: 'RDFC-1.0' },
  } as unknown as Parameters<typeof jsonld.canonize>[1];
  const nquads = (await jsonld.canonize(doc as jsonld.JsonLdDocument, options)) as unknown as string;
  return createHash('sha256').update(nquads, 'utf8').digest();
}

/** The bytes the signature covers: SHA-256(canonical proof config) ‖ SHA-256(canonical document). */
export async function hashData(
  unsecured: JsonObject,
  proofOptions: Omit<DataIntegrityProof, 'proofValue'>,
  loader: DocumentLoader = bundled,
): Promise<Buffer> {
  const proofConfig = { '@context': unsecured['@context'], ...proofOptions };
  const [proofHash, docHash] = await Promise.all([
    canonicalHash(proofConfig, loader),
    canonicalHash(unsecured, loader),
  ]);
  return Buffer.concat([proofHash, docHash]);
}

/** Adds an `eddsa-rdfc-2022` proof to a copy of the document. */
export async function addProof<T extends JsonObject>(
  unsecured: T,
  key: Ed25519Raw,
  options: { verificationMethod: string; created: Date },
  loader: DocumentLoader = bundled,
): Promise<T & { proof: DataIntegrityProof }> {
  const proofOptions: Omit<DataIntegrityProof, 'proofValue'> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: `${options.created.toISOString().slice(0, 19)}Z`,
    verificationMethod: options.verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  const data = await hashData(unsecured, proofOptions, loader);
  const signature = sign(null, data, privateKeyObject(key));
  return { ...unsecured, proof: { ...proofOptions, proofValue: encodeSignature(signature) } };
}

export type ProofCheck =
  | { ok: true; verificationMethod: string }
  | { ok: false; reason: 'no-proof' | 'unsupported' | 'unknown-key' | 'malformed' | 'bad-signature' };

/**
 * Checks the document's proof. `publicKeyFor` maps the proof's verificationMethod to a 32-byte Ed25519 key
 * (or null when the method is unknown): the caller decides whose keys it trusts.
 */
export async function verifyProof(
  secured: unknown,
  publicKeyFor: (verificationMethod: string) => Promise<Uint8Array | null> | Uint8Array | null,
  loader: DocumentLoader = bundled,
): Promise<ProofCheck> {
  if (typeof secured !== 'object' || secured === null || Array.isArray(secured)) {
    return { ok: false, reason: 'malformed' };
  }
  const { proof, ...unsecured } = secured as JsonObject;
  if (typeof proof !== 'object' || proof === null || Array.isArray(proof))
    return { ok: false, reason: 'no-proof' };
  const { proofValue, ...options } = proof as JsonObject;
  if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== 'eddsa-rdfc-2022') {
    return { ok: false, reason: 'unsupported' };
  }
  if (options.proofPurpose !== 'assertionMethod') return { ok: false, reason: 'unsupported' };
  if (typeof proofValue !== 'string' || typeof options.verificationMethod !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  const publicKey = await publicKeyFor(options.verificationMethod);
  if (!publicKey) return { ok: false, reason: 'unknown-key' };
  let data: Buffer;
  let signature: Uint8Array;
  try {
    signature = decodeSignature(proofValue);
    data = await hashData(unsecured, options as Omit<DataIntegrityProof, 'proofValue'>, loader);
  } catch {
    // An undefined term, a context we do not bundle or a broken value: the document is not what was signed.
    return { ok: false, reason: 'malformed' };
  }
  const good = signature.length === 64 && verify(null, data, publicKeyObject(publicKey), signature);
  return good
    ? { ok: true, verificationMethod: options.verificationMethod }
    : { ok: false, reason: 'bad-signature' };
}
