// The audit module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { auditIds } from './audit.ids.server.ts';
import { auditPersonalData } from './audit.personal-data.repository.server.ts';
import { auditPermissions } from './audit.policies.ts';
import { createAuditRepository } from './audit.repository.server.ts';
import { registerAuditRoutes } from './audit.routes.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ audit: createAuditRepository() });

export const feature: FeatureModule = {
  name: 'audit',
  idPrefixes: auditIds.prefixes,
  tables: ['audit_log'],
  repositories,
  permissions: auditPermissions,
  api: [registerAuditRoutes],
  nav: [{ path: '/admin/audit', label: 'admin.nav.audit', action: 'audit.log.read', group: 'admin' }],
  personalData: auditPersonalData,
};
