// Verifying a credential: its Data Integrity proof against the issuing unit's published keys (a retired key
// still verifies what it signed while it was active), then revocation (the unit's status list) and expiry.
import type { AppDeps } from '../../app/deps.types.ts';
import {
  bitAt,
  encodeBitstring,
  issuerUrl,
  statusListCredential,
  verificationMethodId,
} from './credentials.document.server.ts';
import { signingKey } from './credentials.keys.server.ts';
import { decodePublicKeyMultibase } from './credentials.multikey.server.ts';
import { addProof, verifyProof } from './credentials.proof.server.ts';
import type { Award } from './credentials.repository.server.ts';
import type { VerificationStatus } from './credentials.vocab.ts';

type VerifyDeps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>;

export interface Verification {
  status: VerificationStatus;
  /** The key that signed it (`<issuer>#<key id>`), when the proof checked out. */
  verificationMethod: string | null;
}

/** The public key for a verification method of one of our units, if that key existed when `created`. */
async function ourKey(deps: VerifyDeps, vm: string, created: Date | null): Promise<Uint8Array | null> {
  const prefix = issuerUrl(deps.config.publicUrl, '');
  if (!vm.startsWith(prefix)) return null;
  const [unitId, keyId] = vm.slice(prefix.length).split('#');
  if (!unitId || !keyId) return null;
  const k = (await deps.repos.credentials.keysOfUnit(deps.db, unitId)).find((x) => x.id === keyId);
  if (!k) return null;
  // A key signs only while active: a proof dated after its retirement is not the issuer's.
  if (created && k.retiredAt && created.getTime() > k.retiredAt.getTime()) return null;
  return decodePublicKeyMultibase(k.publicKeyMultibase);
}

function createdOf(doc: unknown): Date | null {
  const created = (doc as { proof?: { created?: unknown } } | null)?.proof?.created;
  const d = typeof created === 'string' ? new Date(created) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** Verifies a credential document presented to us (a stored award's, or a file someone uploads). */
export async function verifyDocument(deps: VerifyDeps, doc: unknown): Promise<Verification> {
  const created = createdOf(doc);
  const proof = await verifyProof(doc, (vm) => ourKey(deps, vm, created));
  if (!proof.ok)
    return {
      status: proof.reason === 'unknown-key' ? 'unknown-issuer' : 'tampered',
      verificationMethod: null,
    };
  const d = doc as { id?: unknown; validUntil?: unknown; credentialStatus?: { statusListIndex?: unknown } };
  const award = typeof d.id === 'string' ? await awardByUrl(deps, d.id) : null;
  if (award?.revokedAt) return { status: 'revoked', verificationMethod: proof.verificationMethod };
  if (typeof d.validUntil === 'string' && new Date(d.validUntil).getTime() < deps.now().getTime()) {
    return { status: 'expired', verificationMethod: proof.verificationMethod };
  }
  return { status: 'valid', verificationMethod: proof.verificationMethod };
}

async function awardByUrl(deps: VerifyDeps, url: string): Promise<Award | null> {
  const prefix = `${deps.config.publicUrl}/credentials/`;
  return url.startsWith(prefix) ? deps.repos.credentials.award(deps.db, url.slice(prefix.length)) : null;
}

/** The unit's revocation list as a signed BitstringStatusListCredential. */
export async function unitStatusList(deps: VerifyDeps & Pick<AppDeps, 'audit'>, unitId: string) {
  const unit = await deps.repos.units.get(deps.db, unitId);
  if (!unit) return null;
  const { revoked, maxIndex } = await deps.repos.credentials.revocations(deps.db, unitId);
  const list = statusListCredential(
    deps.config.publicUrl,
    { id: unit.id, name: unit.name },
    encodeBitstring(revoked, maxIndex),
    deps.now(),
  );
  return deps.db.transaction(async (tx) => {
    const { id, key } = await signingKey(deps, tx, unitId);
    return addProof(list, key, {
      verificationMethod: verificationMethodId(deps.config.publicUrl, unitId, id),
      created: deps.now(),
    });
  });
}

export { bitAt };
