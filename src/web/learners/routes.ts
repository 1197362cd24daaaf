import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the learners feature (citizens' accounts). Paths to files are relative to the app directory (src/web).
export const learnersPages: RouteConfigEntry[] = [
  route('sign-in/phone', 'learners/pages/phone.tsx'),
  route('join', 'learners/pages/join.tsx'),
  route('my', 'learners/pages/my.tsx'),
  route('my/profile/:learnerId', 'learners/pages/profile.tsx'),
  route('my/family/new', 'learners/pages/family-new.tsx'),
];
