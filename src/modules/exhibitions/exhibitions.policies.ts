import type { PermissionTable } from '../../lib/authz.ts';

// Everyone reads published exhibitions. Staff, managers and administrators compose, edit and publish the
// exhibitions of the units in their grant subtrees (the exhibition's unit decides); drafts stay in that scope.
export const exhibitionPermissions = {
  'exhibitions.exhibition.read': { roles: [], scope: 'public' },
  'exhibitions.exhibition.read_unpublished': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'exhibitions.exhibition.list': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'any-grant',
  },
  'exhibitions.exhibition.create': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'exhibitions.exhibition.update': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'exhibitions.exhibition.publish': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
} satisfies PermissionTable;
