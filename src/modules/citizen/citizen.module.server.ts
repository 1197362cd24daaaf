// The citizen module: "Công dân học tập" (QĐ 677/QĐ-TTg) self-assessment, review and recognition
// (see src/app/module.ts).
import type { FeatureModule, IndicatorRow } from '../../app/module.ts';
import { mountCitizenRoutes } from './citizen.http.server.ts';
import { citizenIds } from './citizen.ids.server.ts';
import { citizenPersonalData } from './citizen.personal-data.server.ts';
import { citizenPermissions } from './citizen.policies.ts';
import { createCitizenRepository } from './citizen.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ citizen: createCitizenRepository() });

export const feature: FeatureModule = {
  name: 'citizen',
  idPrefixes: citizenIds.prefixes,
  tables: ['citizen_schemes', 'citizen_assessments'],
  repositories,
  permissions: citizenPermissions,
  http: [mountCitizenRoutes],
  nav: [
    { path: '/admin/citizen', label: 'citizen.nav', action: 'citizen.review', group: 'work' },
    {
      path: '/admin/citizen/scheme',
      label: 'citizen.scheme.nav',
      action: 'citizen.scheme.edit',
      group: 'admin',
    },
  ],
  publicNav: [
    { path: '/account/citizen', label: 'citizen.nav.mine', group: 'footer', audience: 'signed-in' },
  ],
  indicatorSources: [
    {
      key: 'citizen.recognised',
      label: 'citizen.indicator.recognised',
      measure: 'people',
      breakdowns: ['unit', 'commune'],
      compute: async (deps, q): Promise<IndicatorRow[]> =>
        deps.repos.citizen.recognisedCounts(
          deps.db,
          q.from,
          q.to,
          q.unitIds ?? null,
          q.breakdown === 'commune' ? 'commune' : q.breakdown === 'unit' ? 'unit' : null,
        ),
    },
  ],
  personalData: citizenPersonalData,
};
