// The public site menu as the header and footer render it: the modules' publicNav entries (registries) plus the
// site's own footer pages. Client-safe: pages receive the list from the root loader.
import type { PublicNavEntry } from '../../app/module.ts';

/** The site's own pages (src/web/site/), shown in the footer. */
export const SITE_FOOTER_NAV: readonly PublicNavEntry[] = [
  { path: '/contact', label: 'portal.nav.contact', group: 'footer' },
  { path: '/accessibility', label: 'portal.nav.accessibility', group: 'footer' },
  { path: '/privacy', label: 'portal.nav.privacy', group: 'footer' },
];

export type SiteNavLink = Pick<PublicNavEntry, 'path' | 'label' | 'group'>;

/** Entries for this visitor: audience honoured, footer pages last, one entry per path. */
export function siteNavFor(entries: readonly PublicNavEntry[], signedIn: boolean): SiteNavLink[] {
  const seen = new Set<string>();
  const out: SiteNavLink[] = [];
  for (const e of [...entries, ...SITE_FOOTER_NAV]) {
    const audience = e.audience ?? 'everyone';
    if (audience === 'signed-in' && !signedIn) continue;
    if (audience === 'anonymous' && signedIn) continue;
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    out.push({ path: e.path, label: e.label, group: e.group });
  }
  return out;
}
