import { describe, expect, it } from 'vitest';
import { serviceWorkerScript } from './service-worker.server.ts';

const base = {
  cache: 'suotdoi-demo-v3',
  scope: { path: '/demo' },
  pageRequests: 'navigations',
  storeAssets: false,
  offlineMatch: {},
} as const;

describe('serviceWorkerScript', () => {
  it('deletes the older versions of its own cache on activation, and no one else’s', () => {
    const sw = serviceWorkerScript(base);
    expect(sw).toContain('const CACHE = "suotdoi-demo-v3";');
    expect(sw).toContain('k.startsWith("suotdoi-demo-") && k !== CACHE');
  });

  it('refuses a cache name without a version, whose older copies it could not find', () => {
    expect(() => serviceWorkerScript({ ...base, cache: 'suotdoi-demo' })).toThrow(/<name>-v<n>/);
  });

  it('keeps pages under its path, or under its registration scope', () => {
    expect(serviceWorkerScript(base)).toContain(`url.pathname.startsWith("/demo")`);
    expect(serviceWorkerScript({ ...base, scope: 'registration' })).toContain(
      'req.url.startsWith(self.registration.scope)',
    );
  });

  it('stores built assets as they are fetched only when asked', () => {
    expect(serviceWorkerScript(base)).not.toContain('fetch(req).then((res) => keep(req, res))');
    expect(serviceWorkerScript({ ...base, storeAssets: true })).toContain(
      'fetch(req).then((res) => keep(req, res))',
    );
  });

  it('is a script a browser can parse', () => {
    expect(
      () => new Function(serviceWorkerScript({ ...base, offlineMatch: { ignoreSearch: true } })),
    ).not.toThrow();
  });
});
