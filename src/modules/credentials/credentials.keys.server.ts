// Each issuing unit's Ed25519 signing keys: created on first use, rotated on request. Rotation retires the
// active key (it signs nothing new) but keeps it in the issuer profile, so credentials it signed still verify.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import {
  decodePublicKeyMultibase,
  type Ed25519Raw,
  generateEd25519,
  publicKeyMultibase,
} from './credentials.multikey.server.ts';
import type { IssuerKey } from './credentials.repository.server.ts';
import { open, seal } from './credentials.secret-box.server.ts';

type KeyDeps = Pick<AppDeps, 'repos' | 'config' | 'now'>;

async function createKey(deps: KeyDeps, tx: Db, unitId: string): Promise<IssuerKey> {
  const raw = generateEd25519();
  await deps.repos.credentials.insertKey(tx, {
    unitId,
    publicKeyMultibase: publicKeyMultibase(raw.publicKey),
    privateKeyEncrypted: seal(deps.config.credentialsKey, raw.seed),
  });
  return (await deps.repos.credentials.activeKey(tx, unitId))!;
}

/** The unit's active signing key (id + raw key pair), created when the unit has none. Call inside a transaction. */
export async function signingKey(
  deps: KeyDeps,
  tx: Db,
  unitId: string,
): Promise<{ id: string; key: Ed25519Raw }> {
  await deps.repos.credentials.lockUnit(tx, unitId);
  const row = (await deps.repos.credentials.activeKey(tx, unitId)) ?? (await createKey(deps, tx, unitId));
  return {
    id: row.id,
    key: {
      publicKey: decodePublicKeyMultibase(row.publicKeyMultibase),
      seed: open(deps.config.credentialsKey, row.privateKeyEncrypted),
    },
  };
}

/** Retires the active key and makes a new one; returns the new key's id. Call inside a transaction. */
export async function rotateKey(deps: KeyDeps, tx: Db, unitId: string): Promise<string> {
  await deps.repos.credentials.lockUnit(tx, unitId);
  await deps.repos.credentials.retireActive(tx, unitId, deps.now());
  return (await createKey(deps, tx, unitId)).id;
}
