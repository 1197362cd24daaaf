// Paths an anonymous visitor may open. Everything else must answer 401 (API) or redirect to sign-in (pages).
// Each module lists its own public paths (FeatureModule.publicApi/publicPages); the route-auth test enumerates
// every registered route and checks it against the union.
import type { FeatureModule } from '../app/module.ts';
import { modules } from '../app/modules.server.ts';

const allModules: readonly FeatureModule[] = modules;

/** `METHOD /path` patterns; `:param` matches one segment, a trailing `*` matches the rest. */
export const PUBLIC_API_ROUTES: ReadonlyArray<string> = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/openapi.json',
  ...allModules.flatMap((m) => m.publicApi ?? []),
];

/** React Router page ids (route file names) that anonymous visitors may see. */
export const PUBLIC_PAGES: ReadonlyArray<string> = [
  'root',
  'site/locale',
  'site/home',
  'site/contact',
  'site/accessibility',
  'site/privacy',
  'site/not-found',
  ...allModules.flatMap((m) => m.publicPages ?? []),
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
