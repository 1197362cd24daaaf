// The indicators module: definitions, targets, values units enter, and the dashboards (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { indicatorsIds } from './indicators.ids.server.ts';
import { indicatorPermissions } from './indicators.policies.ts';
import { createIndicatorsRepository } from './indicators.repository.server.ts';
import { registerIndicatorRoutes } from './indicators.routes.server.ts';
import { seedIndicators } from './indicators.seed.server.ts';

export const repositories = () => ({ indicators: createIndicatorsRepository() });

export const feature: FeatureModule = {
  name: 'indicators',
  idPrefixes: indicatorsIds.prefixes,
  tables: [
    'indicator_definitions',
    'indicator_targets',
    'indicator_manual_values',
    'indicator_commune_population',
  ],
  repositories,
  permissions: indicatorPermissions,
  api: [registerIndicatorRoutes],
  seedReference: seedIndicators,
  nav: [
    {
      path: '/admin/indicators',
      label: 'indicators.nav',
      action: 'indicators.definition.read',
      group: 'work',
    },
  ],
};
