// IIIF Image API 3.0 service for public images: `/iiif/image/:fileId/info.json` and
// `/iiif/image/:fileId/{region}/{size}/{rotation}/{quality}.{format}`, rendered by sharp from the stored
// original. Any origin may read (viewers fetch cross-site); a file id's bytes never change, so images are
// cached for a year. Private files answer 404 like missing ones.
import type { Context, Hono } from 'hono';
import sharp from 'sharp';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { HonoEnv } from '../../../http/env.ts';
import { ID_PATTERN } from '../../../lib/ids.server.ts';
import type { StoredFile } from '../../files/files.repository.server.ts';
import { variantPath } from '../../files/files.storage.server.ts';
import { FORMATS, IMAGE_CONTEXT, ImageRequestError, imageInfo, parseImageRequest } from './iiif-image.ts';

const MAX_PIXELS = 50_000_000;
const LEVEL2 = 'http://iiif.io/api/image/3/level2.json';

/** The image service's id (base URI) for a stored file. */
export const imageServiceId = (base: string, fileId: string) => `${base}/iiif/image/${fileId}`;

function error(c: Context<HonoEnv>, status: 400 | 404 | 500, detail: string) {
  c.header('Access-Control-Allow-Origin', '*');
  return c.json({ status, detail }, status);
}

async function publicImage(deps: AppDeps, fileId: string): Promise<StoredFile | null> {
  if (!ID_PATTERN.test(fileId)) return null;
  const file = await deps.repos.files.byId(deps.db, fileId).catch(() => null);
  if (file?.visibility !== 'public' || file.kind !== 'image' || !file.width || !file.height) return null;
  return file;
}

export function registerIiifImageRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  const base = () => deps.config.publicUrl.replace(/\/$/, '');

  app.get('/iiif/image/:fileId', (c) =>
    c.redirect(`${imageServiceId(base(), c.req.param('fileId'))}/info.json`, 303),
  );

  app.get('/iiif/image/:fileId/info.json', async (c) => {
    const file = await publicImage(deps, c.req.param('fileId'));
    if (!file) return error(c, 404, 'no such image');
    const info = imageInfo({
      id: imageServiceId(base(), file.id),
      width: file.width as number,
      height: file.height as number,
      sizes: Object.values(file.variants).flatMap((v) => (v ? [{ width: v.width, height: v.height }] : [])),
    });
    const ld = (c.req.header('accept') ?? '').includes('application/ld+json');
    return c.body(JSON.stringify(info), 200, {
      'Content-Type': ld ? `application/ld+json;profile="${IMAGE_CONTEXT}"` : 'application/json',
      'Access-Control-Allow-Origin': '*',
      Link: `<${LEVEL2}>;rel="profile"`,
      'Cache-Control': 'public, max-age=86400',
    });
  });

  app.get('/iiif/image/:fileId/:region/:size/:rotation/:qf', async (c) => {
    const file = await publicImage(deps, c.req.param('fileId'));
    if (!file) return error(c, 404, 'no such image');
    let plan: ReturnType<typeof parseImageRequest>;
    try {
      plan = parseImageRequest(
        {
          region: decodeURIComponent(c.req.param('region')),
          size: decodeURIComponent(c.req.param('size')),
          rotation: decodeURIComponent(c.req.param('rotation')),
          qualityFormat: c.req.param('qf'),
        },
        file.width as number,
        file.height as number,
      );
    } catch (e) {
      if (e instanceof ImageRequestError) return error(c, e.status, e.message);
      if (e instanceof URIError) return error(c, 400, 'malformed percent-encoding');
      throw e;
    }
    const path = variantPath(deps.config.dataDir, file.id, 'original', file.extension);
    let img = sharp(path, { limitInputPixels: MAX_PIXELS })
      .extract(plan.region)
      .resize({ width: plan.width, height: plan.height, fit: 'fill' });
    if (plan.mirror) img = img.flop();
    if (plan.rotation) img = img.rotate(plan.rotation);
    if (plan.quality === 'gray') img = img.grayscale();
    if (plan.quality === 'bitonal') img = img.grayscale().threshold(128);
    img =
      plan.format === 'png'
        ? img.png()
        : plan.format === 'webp'
          ? img.webp({ quality: 82 })
          : img.jpeg({ quality: 85 });
    try {
      const body = await img.toBuffer();
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': FORMATS[plan.format],
        'Content-Length': String(body.length),
        'Access-Control-Allow-Origin': '*',
        Link: `<${LEVEL2}>;rel="profile"`,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (e) {
      deps.logger.error({ err: e, fileId: file.id }, 'iiif image rendering failed');
      return error(c, 500, 'the image could not be rendered');
    }
  });
}
