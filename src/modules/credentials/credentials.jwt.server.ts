// VC-JWT (W3C VC-JOSE-COSE, `application/vc+jwt`): the same Open Badges 3.0 credential, offered as well as the
// Data Integrity one, as a compact JWS whose payload is the credential without its `proof`. It is signed with
// the very key that signed the Data Integrity proof (its verification method is the JWS `kid`), so a verifier
// checks it against the issuer profile's `publicKeyJwk`, also after the unit's key was rotated.
import { SignJWT } from 'jose';
import type { AppDeps } from '../../app/deps.types.ts';
import { decodePublicKeyMultibase, privateKeyObject } from './credentials.multikey.server.ts';
import { open } from './credentials.secret-box.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'config'>;

/** The credential as a VC-JWT, or null when it does not exist or its holder hid it. */
export async function credentialJwt(deps: Deps, id: string): Promise<string | null> {
  const award = await deps.repos.credentials.award(deps.db, id);
  if (!award || award.hidden) return null;
  const { proof, ...credential } = award.document as Record<string, unknown> & {
    proof?: { verificationMethod?: string };
  };
  const kid = proof?.verificationMethod;
  const keyId = kid?.split('#').at(-1);
  const key = (await deps.repos.credentials.keysOfUnit(deps.db, award.unitId)).find((k) => k.id === keyId);
  if (!kid || !key) return null;
  const privateKey = privateKeyObject({
    publicKey: decodePublicKeyMultibase(key.publicKeyMultibase),
    seed: open(deps.config.credentialsKey, key.privateKeyEncrypted),
  });
  return new SignJWT(credential)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid })
    .sign(privateKey);
}
