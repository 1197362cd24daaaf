// The follows module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { followsIds } from './follows.ids.server.ts';
import { followsPersonalData } from './follows.personal-data.repository.server.ts';
import { followPermissions } from './follows.policies.ts';
import { createFollowsRepository } from './follows.repository.server.ts';
import {
  FOLLOWS_NOTIFY_JOB,
  FOLLOWS_SCAN_JOB,
  runFollowsNotifyJob,
  runFollowsScanJob,
} from './follows.usecases.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ follows: createFollowsRepository() });

export const feature: FeatureModule = {
  name: 'follows',
  idPrefixes: followsIds.prefixes,
  tables: ['follows'],
  repositories,
  permissions: followPermissions,
  jobLabels: {
    'follows.scan': 'portal.jobKind.followsScan',
    'follows.notify': 'portal.jobKind.followsNotify',
  },
  jobs: { [FOLLOWS_SCAN_JOB]: runFollowsScanJob, [FOLLOWS_NOTIFY_JOB]: runFollowsNotifyJob },
  schedules: [{ kind: FOLLOWS_SCAN_JOB, everyMinutes: 5 }],
  personalData: followsPersonalData,
};
