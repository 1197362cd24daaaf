// Serving stored files. Public images: `/media/:fileId/:variant`, cached for a year (a file id's bytes never
// change). Private files are served by their owning module's route after its policy check, through
// fileResponse(). Every response is nosniff and sandboxed; anything but an image is a download.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { problemResponse } from '../../http/problem.server.ts';
import { notFound } from '../../lib/errors.ts';
import { ID_PATTERN } from '../../lib/ids.server.ts';
import type { StoredFile } from './files.repository.server.ts';
import { VARIANTS, type Variant, variantPath } from './files.storage.server.ts';

function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The response for one variant of a file, or null when it does not exist. */
export async function fileResponse(
  deps: Pick<AppDeps, 'db' | 'repos' | 'config'>,
  fileId: string,
  variant: Variant = 'original',
  file?: StoredFile | null,
): Promise<Response | null> {
  if (!ID_PATTERN.test(fileId) || !VARIANTS.includes(variant)) return null;
  const f = file ?? (await deps.repos.files.byId(deps.db, fileId));
  if (!f) return null;
  const info = variant === 'original' ? { mime: f.mime, ext: f.extension } : f.variants[variant];
  if (!info) return null;
  const path = variantPath(deps.config.dataDir, f.id, variant, info.ext);
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  );
  if (size < 0) return null;
  const image = info.mime.startsWith('image/');
  const headers = new Headers({
    'Content-Type': info.mime,
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Content-Disposition': contentDisposition(image ? 'inline' : 'attachment', f.originalName),
    'Cache-Control':
      f.visibility === 'public' ? 'public, max-age=31536000, immutable' : 'private, no-store, max-age=0',
    ETag: `"${f.sha256.slice(0, 32)}-${variant}"`,
  });
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

export function registerMediaRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/media/:fileId/:variant', async (c) => {
    const variant = c.req.param('variant') as Variant;
    const file = await deps.repos.files.byId(deps.db, c.req.param('fileId')).catch(() => null);
    // Private files are not served here at all, whoever asks: their module decides.
    if (file?.visibility !== 'public') return problemResponse(c, notFound('file'));
    if (c.req.header('if-none-match') === `"${file.sha256.slice(0, 32)}-${variant}"`)
      return c.body(null, 304);
    const res = await fileResponse(deps, file.id, variant, file);
    return res ?? problemResponse(c, notFound('file'));
  });
}
