import type { PermissionTable } from '../../../lib/authz.ts';

// OAI-PMH harvesting. Sources belong to the unit whose catalogue they feed: its managers add and switch them,
// its staff start a run and read the reports. The list of hosts the server may fetch from is a security
// setting: administrators of the whole tree only (checked on a root unit).
export const catalogueHarvestPermissions = {
  'catalogue.harvest.list': { roles: ['unit_staff', 'unit_manager', 'administrator'], scope: 'any-grant' },
  'catalogue.harvest.read': { roles: ['unit_staff', 'unit_manager', 'administrator'], scope: 'unit-subtree' },
  'catalogue.harvest.run': { roles: ['unit_staff', 'unit_manager', 'administrator'], scope: 'unit-subtree' },
  'catalogue.harvest.manage': { roles: ['unit_manager', 'administrator'], scope: 'unit-subtree' },
  'catalogue.harvest.allowlist.manage': { roles: ['administrator'], scope: 'unit-subtree' },
} satisfies PermissionTable;
