import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the follows feature. Paths to files are relative to the app directory (src/web).
export const followsPages: RouteConfigEntry[] = [
  route('account/follows', 'follows/pages/account-follows.tsx'),
];
