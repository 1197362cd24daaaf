// The access module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { accessIds } from './access.ids.server.ts';
import { accessPermissions } from './access.policies.ts';
import { createAccessRepository } from './access.repository.server.ts';
import { registerAccessRoutes } from './access.routes.server.ts';
import { seedDemoAccounts } from './access.seed.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ access: createAccessRepository() });

export const feature: FeatureModule = {
  name: 'access',
  idPrefixes: accessIds.prefixes,
  tables: ['role_grants'],
  publishedViews: ['role_grant_directory'],
  repositories,
  permissions: accessPermissions,
  api: [registerAccessRoutes],
  seedDemo: seedDemoAccounts,
  nav: [
    { path: '/admin/users', label: 'access.nav.users', action: 'access.user.read', group: 'admin' },
    {
      path: '/admin/settings/security',
      label: 'access.nav.security',
      action: 'auth.settings.update',
      group: 'admin',
    },
  ],
};
