// The eddsa-rdfc-2022 implementation against the W3C vc-di-eddsa test vectors (TestVectors/keyPair.json and
// TestVectors/eddsa-rdfc-2022/*, the spec's Appendix B.1): Ed25519 is deterministic, so signing the spec's
// unsigned credential with the spec's key must give the spec's proofValue byte for byte, which proves the
// canonicalisation and the hashing, not only that our signer agrees with our verifier.
import { describe, expect, it } from 'vitest';
import { bundledLoader } from './credentials.loader.server.ts';
import {
  decodePublicKeyMultibase,
  decodeSecretKeyMultibase,
  generateEd25519,
  publicKeyMultibase,
} from './credentials.multikey.server.ts';
import { addProof, hashData, verifyProof } from './credentials.proof.server.ts';

const VECTOR_KEYS = {
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  privateKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
};
const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
// The example context the vectors use (its published body), bundled for this test only.
const loader = bundledLoader({
  [EXAMPLES_V2]: { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } },
});
const unsigned = {
  '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
};
const VM = 'https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const CREATED = new Date('2023-02-24T23:36:38Z');
const EXPECTED_PROOF_VALUE =
  'z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9';
const EXPECTED_COMBINED_HASH =
  '4c4d3890a157f8d611b13c265c2c22f39aa0a567c7c7dd9ba3e45cd579784eeb517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017';

const vectorKey = {
  publicKey: decodePublicKeyMultibase(VECTOR_KEYS.publicKeyMultibase),
  seed: decodeSecretKeyMultibase(VECTOR_KEYS.privateKeyMultibase),
};

describe('eddsa-rdfc-2022 against the W3C test vectors', () => {
  it('hashes the proof config and the document to the published combined hash', async () => {
    const data = await hashData(
      unsigned,
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: '2023-02-24T23:36:38Z',
        verificationMethod: VM,
        proofPurpose: 'assertionMethod',
      },
      loader,
    );
    expect(data.toString('hex')).toBe(EXPECTED_COMBINED_HASH);
  });

  it('signs the unsigned credential to the published proofValue, byte for byte', async () => {
    const signed = await addProof(unsigned, vectorKey, { verificationMethod: VM, created: CREATED }, loader);
    expect(signed.proof.proofValue).toBe(EXPECTED_PROOF_VALUE);
  });

  it('verifies the published signed credential and rejects it once one character of a claim changes', async () => {
    const published = {
      ...unsigned,
      proof: {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: '2023-02-24T23:36:38Z',
        verificationMethod: VM,
        proofPurpose: 'assertionMethod',
        proofValue: EXPECTED_PROOF_VALUE,
      },
    };
    const key = (vm: string) => (vm === VM ? vectorKey.publicKey : null);
    expect(await verifyProof(published, key, loader)).toEqual({ ok: true, verificationMethod: VM });
    const tampered = {
      ...published,
      credentialSubject: { ...published.credentialSubject, alumniOf: 'The School of Examplez' },
    };
    expect(await verifyProof(tampered, key, loader)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await verifyProof(published, () => null, loader)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('round-trips the Multikey encoding of the published public key', () => {
    expect(publicKeyMultibase(vectorKey.publicKey)).toBe(VECTOR_KEYS.publicKeyMultibase);
  });

  it('refuses a context that is not bundled instead of fetching it', async () => {
    const key = generateEd25519();
    const foreign = {
      ...unsigned,
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/ctx'],
    };
    await expect(addProof(foreign, key, { verificationMethod: VM, created: CREATED })).rejects.toThrow(
      /evil\.example/,
    );
  });
});
