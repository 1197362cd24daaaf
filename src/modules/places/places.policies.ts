import type { PermissionTable, Role } from '../../lib/authz.ts';

// Everyone reads active places and routes. Staff and managers keep the places and mobile-library routes of
// the units in their grant subtrees (the place's owning unit decides); administrators hold the root unit,
// so they keep all of them. The map's tile URL is a site-wide setting: administrators of the root only.
const KEEPERS: readonly Role[] = ['unit_staff', 'unit_manager', 'administrator'];

export const placePermissions = {
  'places.place.read': { roles: [], scope: 'public' },
  'places.place.read_closed': { roles: KEEPERS, scope: 'unit-subtree' },
  'places.place.list': { roles: KEEPERS, scope: 'any-grant' },
  'places.place.create': { roles: KEEPERS, scope: 'unit-subtree' },
  'places.place.update': { roles: KEEPERS, scope: 'unit-subtree' },
  'places.route.create': { roles: KEEPERS, scope: 'unit-subtree' },
  'places.route.update': { roles: KEEPERS, scope: 'unit-subtree' },
  'places.settings.update': { roles: ['administrator'], scope: 'unit-subtree' },
} satisfies PermissionTable;
