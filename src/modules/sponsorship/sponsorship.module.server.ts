// The sponsorship module: sponsors, agreements, donations, the public thank-you page (see src/app/module.ts).
import type { FeatureModule, IndicatorQuery, IndicatorRow, IndicatorSource } from '../../app/module.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { formatVnd } from '../../lib/money.ts';
import { sponsorshipLinksPort } from './index.server.ts';
import { mountSponsorshipRoutes } from './sponsorship.http.server.ts';
import { sponsorshipIds } from './sponsorship.ids.server.ts';
import { sponsorshipPermissions } from './sponsorship.policies.ts';
import { createSponsorshipRepository } from './sponsorship.repository.server.ts';
import { seedDemoSponsorship } from './sponsorship.seed.server.ts';
import { sponsorsSitemap } from './sponsorship.sitemap.repository.server.ts';

export const repositories = () => ({ sponsorship: createSponsorshipRepository() });

/** Value (or count) of donations received in the period; `category` is the donation kind (or the source). */
const source = (
  key: string,
  label: IndicatorSource['label'],
  what: 'value' | 'count',
  category: 'kind' | 'source',
): IndicatorSource => ({
  key,
  label,
  measure: what === 'value' ? 'vnd' : 'count',
  breakdowns: ['unit', 'category'],
  async compute(deps, q: IndicatorQuery): Promise<IndicatorRow[]> {
    const by = q.breakdown === 'unit' ? 'unit' : q.breakdown === 'category' ? category : undefined;
    const rows = await deps.repos.sponsorship.totals(deps.db, {
      what,
      from: isoDateInVietnam(q.from),
      to: isoDateInVietnam(q.to),
      unitIds: q.unitIds,
      by,
    });
    return by ? rows : [{ value: rows[0]?.value ?? 0 }];
  },
});

export const feature: FeatureModule = {
  name: 'sponsorship',
  idPrefixes: sponsorshipIds.prefixes,
  tables: ['sponsors', 'sponsorship_agreements', 'donations'],
  repositories,
  seedDemo: seedDemoSponsorship,
  permissions: sponsorshipPermissions,
  http: [mountSponsorshipRoutes],
  publicPages: ['sponsorship/pages/sponsors'],
  nav: [
    {
      path: '/admin/sponsorship',
      label: 'sponsorship.nav',
      action: 'sponsorship.sponsor.list',
      group: 'work',
    },
  ],
  sitemap: [sponsorsSitemap],
  publicNav: [{ path: '/sponsors', label: 'sponsorship.publicNav', group: 'footer' }],
  indicatorSources: [
    source('sponsorship.value_vnd', 'sponsorship.indicator.value', 'value', 'kind'),
    source('sponsorship.value_vnd_by_source', 'sponsorship.indicator.valueBySource', 'value', 'source'),
    source('sponsorship.donations', 'sponsorship.indicator.donations', 'count', 'kind'),
  ],
  personalData: {
    inventory: [
      {
        table: 'sponsors',
        fields: ['name', 'email', 'phone', 'address', 'public_consent', 'consent_on'],
        purpose: 'sponsorship.privacy.purpose',
        retention: 'sponsorship.privacy.retention',
        visibleTo: 'sponsorship.privacy.visibleTo',
      },
    ],
    async export(deps, db, subject) {
      return { sponsors: await deps.repos.sponsorship.personSponsors(db, subject.emails, subject.phones) };
    },
    async erase(deps, db, subject) {
      // The donations stay (they are the unit's accounts and count in the totals); the person is forgotten.
      const rows = await deps.repos.sponsorship.personSponsors(db, subject.emails, subject.phones);
      await deps.repos.sponsorship.forgetPersons(
        db,
        rows.map((r) => String(r.id)),
      );
    },
  },
  planEvidence: {
    heading: 'sponsorship.plan.heading',
    forPlanInstances: async (deps, db, ids) =>
      (await sponsorshipLinksPort.forPlanInstances(deps, db, ids)).map((d) => ({
        id: d.id,
        href: `/admin/sponsorship/donations/${d.id}`,
        text: d.description,
        note: { text: `${formatIsoDay(d.receivedOn)}, ${formatVnd(d.valueVnd)}` },
      })),
  },
};
