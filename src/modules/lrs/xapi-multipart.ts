// multipart/mixed for statements with attachments (xAPI 1.0.3 Communication §1.5.2): the first part is the
// statements (application/json), every further part one attachment with `X-Experience-API-Hash` (its SHA-2)
// and `Content-Transfer-Encoding: binary`. Pure parsing and building; hashes are checked here.
import { createHash } from 'node:crypto';

export interface MultipartPart {
  headers: Record<string, string>;
  body: Uint8Array;
}

const CRLF = new Uint8Array([13, 10]);

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The parts of a multipart body; null when it is malformed. */
export function parseMultipart(body: Uint8Array, boundary: string): MultipartPart[] | null {
  const enc = new TextEncoder();
  const delimiter = enc.encode(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = indexOf(body, delimiter, 0);
  if (pos < 0) return null;
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 45 && body[pos + 1] === 45) return parts; // closing "--"
    if (body[pos] !== 13 || body[pos + 1] !== 10) return null;
    pos += 2;
    const headerEnd = indexOf(body, enc.encode('\r\n\r\n'), pos);
    if (headerEnd < 0) return null;
    const headers: Record<string, string> = {};
    for (const line of new TextDecoder().decode(body.subarray(pos, headerEnd)).split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const next = indexOf(body, enc.encode(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) return null;
    parts.push({ headers, body: body.subarray(headerEnd + 4, next) });
    pos = next + CRLF.length;
  }
}

const ALGORITHM_BY_LENGTH: Record<number, string> = {
  56: 'sha224',
  64: 'sha256',
  96: 'sha384',
  128: 'sha512',
};

/** The SHA-2 of `content` in the length `like` has (defaults to SHA-256). */
export function sha2Like(like: string, content: Uint8Array): string {
  const algorithm = ALGORITHM_BY_LENGTH[like.length] ?? 'sha256';
  return createHash(algorithm).update(content).digest('hex');
}

/** A multipart/mixed body: one JSON part, then the attachments. */
export function buildMultipart(
  json: unknown,
  attachments: ReadonlyArray<{ sha2: string; contentType: string; content: Uint8Array }>,
): { boundary: string; body: Uint8Array } {
  const boundary = `xapi-${createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 24)}`;
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [
    enc.encode(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`),
  ];
  for (const a of attachments) {
    chunks.push(
      enc.encode(
        `--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`,
      ),
      a.content,
      enc.encode('\r\n'),
    );
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    body.set(c, o);
    o += c.length;
  }
  return { boundary, body };
}
