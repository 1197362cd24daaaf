import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the learning feature: learning paths with quizzes and reading challenges.
export const learningPages: RouteConfigEntry[] = [
  route('learn', 'learning/pages/list.tsx'),
  route('learn/paths/:pathId', 'learning/pages/path.tsx'),
  route('learn/paths/:pathId/steps/:stepId', 'learning/pages/step.tsx'),
  route('learn/challenges/:challengeId', 'learning/pages/challenge.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const learningAdmin: RouteConfigEntry[] = [
  route('admin/learning', 'learning/admin/list.tsx'),
  route('admin/learning/paths/:pathId', 'learning/admin/path.tsx'),
  route('admin/learning/paths/:pathId/image', 'learning/admin/path-image.tsx'),
  route('admin/learning/challenges/:challengeId', 'learning/admin/challenge.tsx'),
];
