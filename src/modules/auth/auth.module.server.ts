// The auth module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import type { DbHandle } from '../../db/client.server.ts';
import { authIds } from './auth.ids.server.ts';
import { authPersonalData } from './auth.personal-data.repository.server.ts';
import { authPermissions } from './auth.policies.ts';
import { createAuthRepository } from './auth.repository.server.ts';
import { sweepExpiredAuth } from './auth.sweep.server.ts';
import { mountAuthRoutes } from './auth.wiring.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = (dbh: DbHandle) => ({ auth: createAuthRepository(dbh) });

export const feature: FeatureModule = {
  name: 'auth',
  idPrefixes: authIds.prefixes,
  tables: [
    'users',
    'sessions',
    'accounts',
    'verifications',
    'two_factors',
    'login_failures',
    'password_reset_requests',
    'login_known_ips',
    'login_failure_notices',
  ],
  publishedViews: ['user_directory'],
  repositories,
  permissions: authPermissions,
  http: [mountAuthRoutes],
  jobLabels: { 'auth.sweep': 'portal.jobKind.authSweep' },
  jobs: { 'auth.sweep': sweepExpiredAuth },
  schedules: [{ kind: 'auth.sweep', dailyAt: '02:30' }],
  publicApi: ['POST /api/auth/*', 'GET /api/auth/*'],
  publicPages: [
    'auth/pages/sign-in',
    'auth/pages/forgot-password',
    'auth/pages/reset-password',
    'auth/pages/sign-out',
    'auth/pages/two-factor',
  ],
  personalData: authPersonalData,
};
