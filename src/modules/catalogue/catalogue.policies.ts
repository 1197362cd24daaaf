import type { PermissionTable } from '../../lib/authz.ts';

// Citizens (and anonymous visitors) search and read published records. Staff and managers catalogue for the
// units in their grant subtrees (the record's holding unit decides); administrators hold the root unit.
export const cataloguePermissions = {
  'catalogue.record.search': { roles: [], scope: 'public' },
  'catalogue.record.read': { roles: [], scope: 'public' },
  'catalogue.record.read_unpublished': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'catalogue.record.create': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'catalogue.record.update': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'catalogue.import.create': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'catalogue.import.read': { roles: ['unit_staff', 'unit_manager', 'administrator'], scope: 'unit-subtree' },
  'catalogue.import.list': { roles: ['unit_staff', 'unit_manager', 'administrator'], scope: 'any-grant' },
} satisfies PermissionTable;
