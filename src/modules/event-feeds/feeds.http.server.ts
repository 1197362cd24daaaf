// /feeds/*.ics: iCalendar over plain HTTP (calendar clients do not speak our API). Public feeds are cacheable
// and answer 304 to a matching If-None-Match; the private feed is addressed by its secret and never cached
// by shared caches.
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound } from '../../lib/errors.ts';
import { type FeedDocument, type FeedScope, privateFeed, publicFeed } from './feeds.usecases.server.ts';

const ICS_TYPE = 'text/calendar; charset=utf-8';

function stripIcs(name: string): string {
  if (!name.endsWith('.ics')) throw notFound('eventFeeds.feed');
  return name.slice(0, -4);
}

function respond(c: Context<HonoEnv>, doc: FeedDocument, opts: { private: boolean; download: boolean }) {
  const etag = doc.etag;
  const headers: Record<string, string> = {
    'Content-Type': ICS_TYPE,
    'Content-Disposition': `${opts.download ? 'attachment' : 'inline'}; filename="${doc.fileName}"`,
    'Cache-Control': opts.private ? 'private, max-age=300' : 'public, max-age=300',
    ETag: etag,
  };
  if (opts.private) headers['X-Robots-Tag'] = 'noindex';
  const inm = c.req.header('if-none-match');
  if (inm?.split(/\s*,\s*/).includes(etag)) return c.body(null, 304, headers);
  return c.body(doc.body, 200, headers);
}

export function mountFeedRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  const serve = async (c: Context<HonoEnv>, scope: FeedScope, download = false) =>
    respond(c, await publicFeed(deps, c.get('actor'), scope), { private: false, download });

  app.get('/feeds/events.ics', (c) => serve(c, { kind: 'all' }));
  app.get('/feeds/units/:file', (c) => serve(c, { kind: 'unit', unit: stripIcs(c.req.param('file')) }));
  app.get('/feeds/categories/:file', (c) =>
    serve(c, { kind: 'category', category: stripIcs(c.req.param('file')) }),
  );
  app.get('/feeds/events/:file', (c) =>
    serve(c, { kind: 'event', eventId: stripIcs(c.req.param('file')) }, true),
  );
  app.get('/feeds/me/:file', async (c) =>
    respond(c, await privateFeed(deps, stripIcs(c.req.param('file'))), { private: true, download: false }),
  );
}
