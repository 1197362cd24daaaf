// The JSON-LD documents the module publishes: an Open Badges 3.0 OpenBadgeCredential (VC Data Model 2.0),
// the issuer's profile with its keys (Multikey and JWK), and the unit's revocation list (Bitstring Status List).
import { gunzipSync, gzipSync } from 'node:zlib';
import { base64urlnopad } from '@scure/base';
import { DATA_INTEGRITY_V2, MULTIKEY_V1, OB_V3, VC_V2 } from './credentials.loader.server.ts';
import { decodePublicKeyMultibase, publicJwk } from './credentials.multikey.server.ts';
import type { IssuerKey } from './credentials.repository.server.ts';

export const credentialUrl = (base: string, awardId: string) => `${base}/credentials/${awardId}`;
export const issuerUrl = (base: string, unitId: string) => `${base}/credentials/issuers/${unitId}`;
export const statusListUrl = (base: string, unitId: string) => `${base}/credentials/status/${unitId}`;
export const achievementUrl = (base: string, id: string) => `${base}/credentials/achievements/${id}`;
export const verificationMethodId = (base: string, unitId: string, keyId: string) =>
  `${issuerUrl(base, unitId)}#${keyId}`;

const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export interface CredentialInput {
  base: string;
  awardId: string;
  unit: { id: string; name: string };
  achievement: { id: string; nameVi: string; nameEn: string; criteriaVi: string; imageAlt: string };
  recipientName: string;
  issuedAt: Date;
  validUntil: Date | null;
  statusIndex: number;
}

export function openBadgeCredential(c: CredentialInput) {
  const name = c.achievement.nameVi;
  return {
    '@context': [VC_V2, OB_V3],
    id: credentialUrl(c.base, c.awardId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { id: issuerUrl(c.base, c.unit.id), type: ['Profile'], name: c.unit.name },
    validFrom: iso(c.issuedAt),
    ...(c.validUntil ? { validUntil: iso(c.validUntil) } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      name: c.recipientName,
      achievement: {
        id: achievementUrl(c.base, c.achievement.id),
        type: ['Achievement'],
        name,
        description: c.achievement.nameEn ? `${name} (${c.achievement.nameEn})` : name,
        criteria: { narrative: c.achievement.criteriaVi },
        image: {
          id: `${achievementUrl(c.base, c.achievement.id)}/image.svg`,
          type: 'Image',
          caption: c.achievement.imageAlt,
        },
      },
    },
    credentialStatus: {
      id: `${statusListUrl(c.base, c.unit.id)}#${c.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(c.statusIndex),
      statusListCredential: statusListUrl(c.base, c.unit.id),
    },
  };
}

/** The issuer's profile and controller document: every key it ever signed with stays listed for verifiers. */
export function issuerProfile(base: string, unit: { id: string; name: string }, keys: readonly IssuerKey[]) {
  const id = issuerUrl(base, unit.id);
  const methods = keys.map((k) => ({
    id: verificationMethodId(base, unit.id, k.id),
    type: 'Multikey',
    controller: id,
    publicKeyMultibase: k.publicKeyMultibase,
    publicKeyJwk: { ...publicJwk(decodePublicKeyMultibase(k.publicKeyMultibase)), kid: k.id },
  }));
  return {
    '@context': [VC_V2, OB_V3, DATA_INTEGRITY_V2, MULTIKEY_V1],
    id,
    type: ['Profile'],
    name: unit.name,
    url: id,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

/** Minimum list length the Bitstring Status List spec asks for (herd privacy): 131,072 bits = 16 KiB. */
const MIN_BITS = 131_072;

/** The bitstring (bit 0 = the most significant bit of byte 0), gzipped, multibase base64url ('u'). */
export function encodeBitstring(revoked: readonly number[], maxIndex: number): string {
  const bits = Math.max(MIN_BITS, Math.ceil((maxIndex + 1) / MIN_BITS) * MIN_BITS);
  const bytes = new Uint8Array(bits / 8);
  for (const i of revoked) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return `u${base64urlnopad.encode(gzipSync(bytes))}`;
}

/** Reads one bit of an encoded list (what a verifier does with the status list credential). */
export function bitAt(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList: multibase base64url expected');
  const bytes = gunzipSync(base64urlnopad.decode(encodedList.slice(1)));
  const byte = bytes[index >> 3];
  if (byte === undefined) throw new Error('encodedList: index out of range');
  return (byte & (0x80 >> (index & 7))) !== 0;
}

export function statusListCredential(
  base: string,
  unit: { id: string; name: string },
  encodedList: string,
  at: Date,
) {
  const id = statusListUrl(base, unit.id);
  return {
    '@context': [VC_V2],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerUrl(base, unit.id),
    validFrom: iso(at),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}
