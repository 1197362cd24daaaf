// `/iiif/:recordId/manifest.json`: public IIIF Presentation 3 manifest of a published record with images.
// Readable from any origin (viewers fetch it cross-site), cached briefly since staff may reorder images.
import type { Hono } from 'hono';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { HonoEnv } from '../../../http/env.ts';
import { problemResponse } from '../../../http/problem.server.ts';
import { isAppError, notFound } from '../../../lib/errors.ts';
import { ID_PATTERN } from '../../../lib/ids.server.ts';
import { IIIF_CONTENT_TYPE } from './iiif.ts';
import { recordManifest } from './media.usecases.server.ts';

export function registerIiifRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.on(['GET', 'OPTIONS'], '/iiif/:recordId/manifest.json', async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, OPTIONS');
      c.header('Access-Control-Max-Age', '86400');
      return c.body(null, 204);
    }
    const recordId = c.req.param('recordId');
    try {
      if (!ID_PATTERN.test(recordId)) throw notFound('catalogue.record');
      // Always as an anonymous visitor: the manifest is the public view, also when staff open it.
      const manifest = await recordManifest(deps, { kind: 'anonymous' }, recordId);
      return c.body(JSON.stringify(manifest), 200, {
        'Content-Type': IIIF_CONTENT_TYPE,
        'Cache-Control': 'public, max-age=300',
      });
    } catch (e) {
      if (isAppError(e)) return problemResponse(c, e);
      throw e;
    }
  });
}
