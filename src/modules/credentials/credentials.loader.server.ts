// The JSON-LD document loader for signing and verifying: it serves ONLY the contexts bundled in ./contexts
// (files copied from the publishers' npm packages) and refuses every other URL. Nothing is ever fetched at
// run time, so a verifier cannot be made to call out, and a context cannot change under a signed credential.
import { readFileSync } from 'node:fs';

const here = new URL('./contexts/', import.meta.url);

function load(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, here), 'utf8'));
}

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DATA_INTEGRITY_V2 = 'https://w3id.org/security/data-integrity/v2';
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

const BUNDLED: ReadonlyMap<string, unknown> = new Map([
  [VC_V2, load('credentials-v2.json')],
  [OB_V3, load('ob-v3p0-3.0.3.json')],
  [DATA_INTEGRITY_V2, load('data-integrity-v2.json')],
  [MULTIKEY_V1, load('multikey-v1.json')],
]);

export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** A loader over the bundled contexts plus `extra` (tests add the spec's example context this way). */
export function bundledLoader(extra: Readonly<Record<string, unknown>> = {}): DocumentLoader {
  return async (url: string) => {
    const document = BUNDLED.get(url) ?? extra[url];
    if (document === undefined) throw new Error(`context not bundled, refused: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}

export const documentLoader: DocumentLoader = bundledLoader();
