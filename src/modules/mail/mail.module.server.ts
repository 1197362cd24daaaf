// The mail module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import type { DbHandle } from '../../db/client.server.ts';
import { mailIds } from './mail.ids.server.ts';
import { mailPersonalData } from './mail.personal-data.repository.server.ts';
import { mailPermissions } from './mail.policies.ts';
import { mailRetention } from './mail.retention.repository.server.ts';
import { createOutboxRepository } from './outbox.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = (dbh: DbHandle) => ({ outbox: createOutboxRepository(dbh) });

export const feature: FeatureModule = {
  name: 'mail',
  idPrefixes: mailIds.prefixes,
  tables: ['mail_outbox'],
  repositories,
  permissions: mailPermissions,
  nav: [{ path: '/admin/outbox', label: 'mail.outbox.nav', action: 'mail.outbox.read', group: 'admin' }],
  personalData: mailPersonalData,
  retention: mailRetention,
};
