// The learners module: citizens' accounts (phone and code, e-mail and password), profiles, families and the
// consents minors need (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { DEFAULT_THRESHOLDS } from './learners.age.ts';
import { CHILD_FROM_KEY, GUARDIAN_UNDER_KEY } from './learners.consent.server.ts';
import { mountLearnerSelection } from './learners.current.server.ts';
import { learnersIds } from './learners.ids.server.ts';
import { learnersPersonalData } from './learners.personal-data.server.ts';
import { consentGuard } from './learners.registration-guard.server.ts';
import { createLearnersRepository } from './learners.repository.server.ts';
import { learnersRetention } from './learners.retention.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ learners: createLearnersRepository() });

export const feature: FeatureModule = {
  name: 'learners',
  idPrefixes: learnersIds.prefixes,
  tables: [
    'learner_contacts',
    'learner_codes',
    'learner_code_events',
    'learner_profiles',
    'learner_profile_versions',
    'learner_consents',
  ],
  repositories,
  http: [mountLearnerSelection],
  // The thresholds are editable defaults (settings); the law's values are 16 and 7 (DOMAIN-FACTS).
  seedReference: async (deps) => {
    await deps.repos.settings.setDefault(GUARDIAN_UNDER_KEY, DEFAULT_THRESHOLDS.guardianUnder);
    await deps.repos.settings.setDefault(CHILD_FROM_KEY, DEFAULT_THRESHOLDS.childFrom);
  },
  publicPages: ['learners/pages/phone', 'learners/pages/join'],
  publicNav: [
    { path: '/join', label: 'learners.nav.join', group: 'main', audience: 'anonymous' },
    { path: '/sign-in/phone', label: 'learners.nav.signIn', group: 'main', audience: 'anonymous' },
    { path: '/my', label: 'learners.nav.my', group: 'main', audience: 'signed-in' },
  ],
  // A minor registers for an event only with the consent the law asks for (events runs every module's guards).
  registrationGuards: [consentGuard],
  personalData: learnersPersonalData,
  retention: learnersRetention,
};
