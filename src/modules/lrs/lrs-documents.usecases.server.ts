// The document resources (xAPI 1.0.3 Communication §2.3–2.6): state, activity profile, agent profile.
// ETags are the quoted SHA-1 of the content. A profile PUT needs If-Match/If-None-Match (409 without when the
// document exists, 400 when it does not, 412 on a mismatch); state follows the same checks when sent.
// POST merges JSON objects (top-level keys), and refuses to merge anything that is not one.
import { createHash } from 'node:crypto';
import { decodeUtf8Strict } from '../../http/utf8.ts';
import type { DocumentKind, DocumentScope, StoredDocument } from './lrs-documents.repository.server.ts';
import { type LrsDeps, xapiError } from './lrs-statements.usecases.server.ts';

export const etagOf = (content: Uint8Array) => `"${createHash('sha1').update(content).digest('hex')}"`;

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

const tags = (h: string) => h.split(',').map((t) => t.trim().replace(/^W\//, ''));

function checkPreconditions(
  kind: DocumentKind,
  existing: StoredDocument | null,
  p: Preconditions,
  method: string,
) {
  if (p.ifMatch !== undefined) {
    const list = tags(p.ifMatch);
    if (!existing || !(list.includes('*') || list.includes(existing.etag)))
      throw xapiError(412, 'If-Match: the document has changed');
  }
  if (p.ifNoneMatch !== undefined) {
    const list = tags(p.ifNoneMatch);
    if (existing && (list.includes('*') || list.includes(existing.etag)))
      throw xapiError(412, 'If-None-Match: the document exists');
  }
  // A profile PUT names its expectation: without If-Match/If-None-Match it is a 409 when the document exists
  // (Communication 3.1) and a 400 when it does not (the ADL conformance suite, XAPI-00273).
  if (kind !== 'state' && method === 'PUT' && p.ifMatch === undefined && p.ifNoneMatch === undefined) {
    if (existing) throw xapiError(409, 'a profile that exists changes only with If-Match or If-None-Match');
    throw xapiError(400, 'a profile PUT needs If-Match or If-None-Match');
  }
}

const isJsonType = (t: string) => /^application\/json\b/i.test(t);

function parseObject(content: Uint8Array): Record<string, unknown> | null {
  try {
    const v = JSON.parse(decodeUtf8Strict(content)) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function readDocument(deps: LrsDeps, scope: DocumentScope, docId: string) {
  const d = await deps.repos.lrsDocuments.get(deps.db, scope, docId);
  if (!d) throw xapiError(404, `document ${docId}: not found`);
  return d;
}

export const listDocumentIds = (deps: LrsDeps, scope: DocumentScope, since?: Date) =>
  deps.repos.lrsDocuments.ids(deps.db, scope, since);

/** PUT replaces, POST merges JSON objects. Answers the new ETag. */
export async function writeDocument(
  deps: LrsDeps,
  scope: DocumentScope,
  docId: string,
  body: { content: Uint8Array; contentType: string },
  method: 'PUT' | 'POST',
  p: Preconditions,
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const repo = deps.repos.lrsDocuments;
    const existing = await repo.get(tx, scope, docId, true);
    checkPreconditions(scope.kind, existing, p, method);
    let content = body.content;
    let contentType = body.contentType || 'application/octet-stream';
    if (method === 'POST') {
      const incoming = isJsonType(contentType) ? parseObject(content) : null;
      if (!incoming) throw xapiError(400, 'body: POST merges JSON objects only');
      if (existing) {
        const current = isJsonType(existing.contentType) ? parseObject(existing.content) : null;
        if (!current) throw xapiError(400, 'the stored document is not a JSON object and cannot be merged');
        content = new TextEncoder().encode(JSON.stringify({ ...current, ...incoming }));
      }
      contentType = 'application/json';
    }
    const etag = etagOf(content);
    await repo.put(tx, scope, docId, { content, contentType, etag, updated: deps.now() });
    return etag;
  });
}

export async function deleteDocuments(
  deps: LrsDeps,
  scope: DocumentScope,
  docId: string | undefined,
  p: Preconditions,
) {
  await deps.db.transaction(async (tx) => {
    if (docId !== undefined) {
      const existing = await deps.repos.lrsDocuments.get(tx, scope, docId, true);
      if (p.ifMatch !== undefined || p.ifNoneMatch !== undefined)
        checkPreconditions(scope.kind, existing, p, 'DELETE');
    }
    await deps.repos.lrsDocuments.delete(tx, scope, docId);
  });
}
