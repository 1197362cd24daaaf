// The units module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { unitsIds } from './units.ids.server.ts';
import { unitPermissions } from './units.policies.ts';
import { createUnitsRepository } from './units.repository.server.ts';
import { registerUnitRoutes } from './units.routes.server.ts';
import { seedUnits } from './units.seed.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ units: createUnitsRepository() });

export const feature: FeatureModule = {
  name: 'units',
  idPrefixes: unitsIds.prefixes,
  tables: ['units', 'unit_history'],
  publishedViews: ['unit_directory'],
  repositories,
  permissions: unitPermissions,
  api: [registerUnitRoutes],
  seedReference: async (deps) => {
    await seedUnits(deps);
  },
  nav: [{ path: '/admin/units', label: 'units.nav', action: 'units.unit.read', group: 'admin' }],
};
