// Who may do what with news. Any unit's staff write and submit articles for their unit (subtree); managers,
// administrators and the Department's officers (the office that runs the news) publish, schedule and withdraw
// them. Everyone reads published articles, campaigns and the feeds.
import type { PermissionTable } from '../../lib/authz.ts';

const WRITERS = ['unit_staff', 'unit_manager', 'administrator', 'department_officer'] as const;
const PUBLISHERS = ['unit_manager', 'administrator', 'department_officer'] as const;
const READERS = [...WRITERS, 'leader'] as const;

export const newsPermissions = {
  'news.article.read': { roles: READERS, scope: 'unit-subtree' },
  'news.article.create': { roles: WRITERS, scope: 'unit-subtree' },
  'news.article.update': { roles: WRITERS, scope: 'unit-subtree' },
  'news.article.publish': { roles: PUBLISHERS, scope: 'unit-subtree' },
  'news.campaign.update': { roles: PUBLISHERS, scope: 'unit-subtree' },
  'news.media.update': { roles: WRITERS, scope: 'unit-subtree' },
} satisfies PermissionTable;
