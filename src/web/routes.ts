import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { index, layout, type RouteConfig, type RouteConfigEntry, route } from '@react-router/dev/routes';

// Every page lives under an optional language segment: `/…` is Vietnamese, `/en/…` English. Each feature lists
// its own pages in src/web/<feature>/routes.ts, found here by a directory scan when React Router reads this
// config (build, dev, typegen): its `…Pages` exports are public pages, its `…Admin` exports back-office pages
// under admin/layout.tsx (staff only). Features are taken in name order, so the config is the same on every
// machine; React Router picks the most specific path, so order only breaks ties between equally specific
// paths (none today: every route's URL matched the same route as under the former hand-written list).
const webDir = fileURLToPath(new URL('.', import.meta.url));
const features = readdirSync(webDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(webDir, d.name, 'routes.ts')))
  .map((d) => d.name)
  .sort();
// A relative template import, so Vite knows the files (`./*/routes.ts`) and reloads the config when one changes.
const featureLists = await Promise.all(
  features.map(async (f) => (await import(`./${f}/routes.ts`)) as Record<string, RouteConfigEntry[]>),
);
// A list under any other name would be left out silently: refuse it instead (build and typegen fail).
features.forEach((f, i) => {
  const stray = Object.keys(featureLists[i] ?? {}).filter((name) => !/(Pages|Admin)$/.test(name));
  if (stray.length)
    throw new Error(`src/web/${f}/routes.ts exports ${stray.join(', ')}: name it …Pages or …Admin`);
});

/** Every feature's exports named `…Pages` or `…Admin`, feature by feature. */
function featureRoutes(kind: 'Pages' | 'Admin'): RouteConfigEntry[] {
  return featureLists.flatMap((exports) =>
    Object.keys(exports)
      .filter((name) => name.endsWith(kind))
      .sort()
      .flatMap((name) => exports[name] ?? []),
  );
}

export default [
  route(':lang?', 'site/locale.tsx', [
    index('site/home.tsx'),
    route('contact', 'site/contact.tsx'),
    route('accessibility', 'site/accessibility.tsx'),
    route('privacy', 'site/privacy.tsx'),
    ...featureRoutes('Pages'),
    layout('admin/layout.tsx', [route('admin', 'admin/index.tsx'), ...featureRoutes('Admin')]),
    route('*', 'site/not-found.tsx'),
  ]),
] satisfies RouteConfig;
