// The outbound module: the one allow-list of hosts the server may fetch from, an entry per purpose (see
// index.server.ts). Its pages and permissions are still those of the features that use it (catalogue harvest,
// community calendars), each showing and editing its purpose's entries.
import type { FeatureModule } from '../../app/module.ts';
import { createOutboundRepository } from './outbound.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ outbound: createOutboundRepository() });

export const feature: FeatureModule = {
  name: 'outbound',
  tables: ['outbound_allowed_hosts'],
  repositories,
};
