// Paths an anonymous visitor may open. Everything else must answer 401 (API) or redirect to sign-in (pages).
// The route-auth test enumerates every registered route and checks it against this list.
export const PUBLIC_API_ROUTES: ReadonlyArray<string> = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/openapi.json',
  'POST /api/auth/*',
  'GET /api/auth/*',
];

/** React Router page ids (route file names) that anonymous visitors may see. */
export const PUBLIC_PAGES: ReadonlyArray<string> = [
  'root',
  'routes/locale',
  'routes/home',
  'routes/sign-in',
  'routes/forgot-password',
  'routes/reset-password',
  'routes/sign-out',
  'routes/two-factor',
  'routes/not-found',
];
