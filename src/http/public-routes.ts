// Paths an anonymous visitor may open. Everything else must answer 401 (API) or redirect to sign-in (pages).
// The route-auth test enumerates every registered route and checks it against these lists.

/** `METHOD /path` patterns; `:param` matches one segment, a trailing `*` matches the rest. */
export const PUBLIC_API_ROUTES: ReadonlyArray<string> = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/openapi.json',
  'GET /api/v1/catalogue/search',
  'GET /api/v1/catalogue/suggest',
  'GET /api/v1/catalogue/records/:recordId',
  'GET /api/v1/events',
  'GET /api/v1/events/:eventId',
  'POST /api/v1/events/:eventId/registrations',
  'GET /api/v1/catalogue/export',
  'GET /oai',
  'POST /oai',
  'GET /sitemap.xml',
  'GET /sitemaps/:file',
  'GET /robots.txt',
  // Public stored files (images); private ones answer 404 there and are served by their module's route.
  'GET /media/:fileId/:variant',
  'GET /iiif/:recordId/manifest.json',
  'GET /api/v1/exhibitions',
  'GET /api/v1/exhibitions/:slugOrId',
  'OPTIONS /iiif/:recordId/manifest.json',
  'GET /api/v1/places',
  'GET /api/v1/places/:placeId',
  'GET /api/v1/mobile-library-routes',
  'GET /api/v1/mobile-library-routes/:routeId',
  // iCalendar feeds: public, and the private per-user feed authorised by the secret in its URL.
  'GET /feeds/*',
  'POST /api/auth/*',
  'GET /api/auth/*',
];

/** React Router page ids (route file names) that anonymous visitors may see. */
export const PUBLIC_PAGES: ReadonlyArray<string> = [
  'root',
  'site/locale',
  'site/home',
  'auth/pages/sign-in',
  'auth/pages/forgot-password',
  'auth/pages/reset-password',
  'auth/pages/sign-out',
  'auth/pages/two-factor',
  'catalogue/pages/search',
  'catalogue/pages/record',
  'exhibitions/pages/exhibitions',
  'exhibitions/pages/exhibition',
  'event-feeds/pages/calendar',
  'events/pages/list',
  'events/pages/detail',
  'events/pages/ticket',
  'events/pages/cancel',
  'events/pages/feedback',
  'places/pages/list',
  'places/pages/detail',
  'places/pages/mobile-route',
  'site/not-found',
];

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('/')
    .map((seg) =>
      seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped}$`);
}

const compiled = PUBLIC_API_ROUTES.map((r) => {
  const [method, path] = r.split(' ') as [string, string];
  return { method, re: patternToRegExp(path) };
});

export function isPublicApi(method: string, path: string): boolean {
  const m = method === 'HEAD' ? 'GET' : method;
  return compiled.some((r) => r.method === m && r.re.test(path));
}
