import type { PermissionTable } from '../../lib/authz.ts';

// Feeds and the community calendar. The commemorative-day overview is for the Department's focal point
// (culture office), leadership and administrators. Unit staff subscribe their own unit to partner calendars,
// but only on hosts that an administrator of the root unit has put on the allow-list (checked on the root).
export const eventFeedPermissions = {
  'eventFeeds.commemorative.read': {
    roles: ['department_officer', 'leader', 'administrator'],
    scope: 'any-grant',
  },
  'eventFeeds.subscription.manage': {
    roles: ['unit_staff', 'unit_manager', 'administrator'],
    scope: 'unit-subtree',
  },
  'eventFeeds.allowlist.manage': { roles: ['administrator'], scope: 'unit-subtree' },
  'eventFeeds.token.manage': { roles: [], scope: 'signed-in' },
} satisfies PermissionTable;
