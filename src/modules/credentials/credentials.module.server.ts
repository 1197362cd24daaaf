// The credentials module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { EVALUATE_RULES_JOB, runEvaluateRulesJob } from './credentials.engine.server.ts';
import { mountCredentialRoutes } from './credentials.http.server.ts';
import { credentialsIds } from './credentials.ids.server.ts';
import { awardOnPathCompletion } from './credentials.path-awards.server.ts';
import { credentialsPersonalData } from './credentials.personal-data.server.ts';
import { credentialPermissions } from './credentials.policies.ts';
import { createCredentialsRepository } from './credentials.repository.server.ts';
import { seedDemoCredentials } from './credentials.seed.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ credentials: createCredentialsRepository() });

export const feature: FeatureModule = {
  name: 'credentials',
  idPrefixes: credentialsIds.prefixes,
  tables: ['credential_issuer_keys', 'achievements', 'credential_awards'],
  repositories,
  permissions: credentialPermissions,
  http: [mountCredentialRoutes],
  // A completed path earns the badges whose rule names it, in the learner's transaction.
  learningListeners: [awardOnPathCompletion],
  jobLabels: { 'credentials.rules.evaluate': 'portal.jobKind.credentialsRulesEvaluate' },
  jobs: { [EVALUATE_RULES_JOB]: runEvaluateRulesJob },
  schedules: [{ kind: EVALUATE_RULES_JOB, everyMinutes: 24 * 60 }],
  publicApi: [
    'GET /credentials/issuers/:unitId',
    'GET /credentials/status/:unitId',
    'GET /credentials/achievements/:id/image.svg',
    'GET /credentials/:id/credential.json',
    'GET /credentials/:id/credential.jwt',
  ],
  publicPages: ['credentials/pages/verify', 'credentials/pages/certificate'],
  nav: [
    {
      path: '/admin/credentials',
      label: 'credentials.nav',
      action: 'credentials.achievement.read',
      group: 'content',
    },
  ],
  personalData: credentialsPersonalData,
  seedDemo: seedDemoCredentials,
};
