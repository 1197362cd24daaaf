// Raw HTTP for tests that must see the bytes on the wire (compression, headers a fetch would hide): an app
// served on a loopback port by the real @hono/node-server listener, a request that keeps the body undecoded, and
// the body decoded by its Content-Encoding.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** As sent: still compressed when the answer is. */
  body: Buffer;
}

/** Serves `fetch` on a free loopback port until `close`. */
export async function serveOnLoopback(
  fetch: Parameters<typeof serve>[0]['fetch'],
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A request (GET unless told) to `path` on the loopback `port`; the body as received (no decompression). */
export function rawRequest(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body as text, decompressed by its Content-Encoding (br, gzip or none). */
export function decodeBody(r: RawAnswer): string {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(r.body).toString('utf8');
  if (enc === 'gzip') return gunzipSync(r.body).toString('utf8');
  return r.body.toString('utf8');
}
