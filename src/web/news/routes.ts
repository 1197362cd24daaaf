import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the news feature. Paths to files are relative to the app directory (src/web).
export const newsPages: RouteConfigEntry[] = [
  route('news', 'news/pages/list.tsx'),
  route('news/campaigns/:campaignId', 'news/pages/campaign.tsx'),
  route('news/:articleId', 'news/pages/detail.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const newsAdmin: RouteConfigEntry[] = [
  route('admin/news', 'news/admin/list.tsx'),
  route('admin/news/new', 'news/admin/new.tsx'),
  route('admin/news/campaigns', 'news/admin/campaigns.tsx'),
  route('admin/news/:articleId', 'news/admin/edit.tsx'),
  route('admin/news/:articleId/image', 'news/admin/image.tsx'),
];
