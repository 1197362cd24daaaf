import { describe, expect, it } from 'vitest';
import { publicNav } from '../../app/registries.server.ts';
import { SITE_FOOTER_NAV, siteNavFor } from './site-nav.ts';

describe('the public site menu', () => {
  it('offers search, events, calendar, places and exhibitions from the modules, and the footer pages', () => {
    const paths = siteNavFor(publicNav, false).map((e) => e.path);
    for (const p of ['/search', '/events', '/events/calendar', '/places', '/exhibitions']) {
      expect(paths).toContain(p);
    }
    expect(paths.slice(-3)).toEqual(SITE_FOOTER_NAV.map((e) => e.path));
  });

  it('shows signed-in entries only to signed-in visitors and anonymous ones only to anonymous visitors', () => {
    const entries = [
      { path: '/sign-up', label: 'nav.signIn', group: 'main', audience: 'anonymous' },
      { path: '/account/record', label: 'nav.account', group: 'main', audience: 'signed-in' },
      { path: '/sign-up', label: 'nav.signIn', group: 'footer' },
    ] as const;
    expect(siteNavFor(entries, false).map((e) => e.path)).toContain('/sign-up');
    expect(siteNavFor(entries, false).map((e) => e.path)).not.toContain('/account/record');
    expect(siteNavFor(entries, true).map((e) => e.path)).toContain('/account/record');
    // The later, everyone-audience duplicate still appears once for a signed-in visitor.
    expect(siteNavFor(entries, true).filter((e) => e.path === '/sign-up')).toHaveLength(1);
    expect(siteNavFor(entries, false).filter((e) => e.path === '/sign-up')).toHaveLength(1);
  });
});
