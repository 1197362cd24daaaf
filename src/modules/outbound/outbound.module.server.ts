// The outbound module: the allow-lists of hosts the server may fetch from (see index.server.ts). Its pages
// and permissions are still those of the features that use it (catalogue harvest, community calendars).
import type { FeatureModule } from '../../app/module.ts';
import { createOutboundRepository } from './outbound.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ outbound: createOutboundRepository() });

export const feature: FeatureModule = {
  name: 'outbound',
  tables: ['catalogue_fetch_allowlist', 'calendar_allowed_hosts'],
  repositories,
};
