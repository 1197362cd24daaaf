// The notifications module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { notificationsIds } from './notifications.ids.server.ts';
import { notificationsPersonalData } from './notifications.personal-data.repository.server.ts';
import { createNotificationsRepository } from './notifications.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ notifications: createNotificationsRepository() });

export const feature: FeatureModule = {
  name: 'notifications',
  idPrefixes: notificationsIds.prefixes,
  tables: ['notifications'],
  repositories,
  personalData: notificationsPersonalData,
};
