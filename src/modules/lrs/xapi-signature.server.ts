// Signed statements (xAPI 1.0.3 Data §2.6): the signature attachment is a JWS in compact form, RS256/384/512,
// whose payload is the statement as it was before signing. The payload must match the statement (the
// comparison rules), and when the header carries an X.509 chain (`x5c`) the signature must verify with it.
import { createVerify, X509Certificate } from 'node:crypto';
import { comparisonSignature } from './xapi-format.ts';
import type { JsonObject } from './xapi-validate.ts';

const ALGORITHMS: Record<string, string> = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' };

/** A problem with the signature of `statement`, or null when it holds. */
export function verifySignedStatement(statement: JsonObject, jwsBytes: Uint8Array): string | null {
  const jws = Buffer.from(jwsBytes).toString('utf8').trim();
  const parts = jws.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return 'not a compact JWS';
  const [h, p, sig] = parts as [string, string, string];
  let header: { alg?: unknown; x5c?: unknown };
  let payload: JsonObject;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return 'header or payload is not JSON';
  }
  const algorithm = typeof header.alg === 'string' ? ALGORITHMS[header.alg] : undefined;
  if (!algorithm) return 'alg must be RS256, RS384 or RS512';
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return 'payload is not a statement';
  if (
    payload.id !== undefined &&
    statement.id !== undefined &&
    String(payload.id).toLowerCase() !== String(statement.id).toLowerCase()
  )
    return 'payload id differs from the statement';
  if (comparisonSignature(payload) !== comparisonSignature(statement))
    return 'payload differs from the statement';
  if (Array.isArray(header.x5c) && header.x5c.length > 0) {
    try {
      const cert = new X509Certificate(Buffer.from(String(header.x5c[0]), 'base64'));
      const ok = createVerify(algorithm)
        .update(`${h}.${p}`)
        .verify(cert.publicKey, Buffer.from(sig, 'base64url'));
      if (!ok) return 'signature does not verify with the x5c certificate';
    } catch {
      return 'x5c certificate is unreadable';
    }
  }
  return null;
}
