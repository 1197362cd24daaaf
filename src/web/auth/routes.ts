import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the auth feature. Paths to files are relative to the app directory (src/web).
export const authPages: RouteConfigEntry[] = [
  route('sign-in', 'auth/pages/sign-in.tsx'),
  route('two-factor', 'auth/pages/two-factor.tsx'),
  route('sign-out', 'auth/pages/sign-out.tsx'),
  route('forgot-password', 'auth/pages/forgot-password.tsx'),
  route('reset-password', 'auth/pages/reset-password.tsx'),
  route('account', 'auth/pages/account.tsx'),
  route('account/two-factor', 'auth/pages/account-two-factor.tsx'),
];
