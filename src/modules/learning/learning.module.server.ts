// The learning module: learning paths with quizzes and reading challenges (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { creditAttendance } from './challenges.attendance.server.ts';
import { createChallengesRepository } from './challenges.repository.server.ts';
import { learningIds } from './learning.ids.server.ts';
import { learningOaiSource } from './learning.oai.repository.server.ts';
import { learningPermissions } from './learning.policies.ts';
import { learningSearchSource, learningSitemap } from './learning.public.repository.server.ts';
import { createLearningQueries } from './learning.queries.server.ts';
import { createLearningPathsRepository } from './learning.repository.server.ts';
import { seedDemoLearning } from './learning.seed.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  learningPaths: createLearningPathsRepository(),
  challenges: createChallengesRepository(),
  learningQueries: createLearningQueries(),
});

export const feature: FeatureModule = {
  name: 'learning',
  idPrefixes: learningIds.prefixes,
  // A check-in credits the learner's running reading challenges.
  attendanceListeners: [creditAttendance],
  tables: [
    'learning_paths',
    'learning_path_steps',
    'learning_step_progress',
    'learning_quiz_attempts',
    'learning_path_completions',
    'reading_challenges',
    'reading_challenge_participants',
    'reading_challenge_entries',
    'learning_oai_items',
  ],
  repositories,
  permissions: learningPermissions,
  seedDemo: seedDemoLearning,
  publicPages: [
    'learning/pages/list',
    'learning/pages/path',
    'learning/pages/step',
    'learning/pages/challenge',
  ],
  nav: [
    { path: '/admin/learning', label: 'learning.admin.nav', action: 'learning.path.list', group: 'content' },
  ],
  sitemap: [learningSitemap],
  searchSources: [learningSearchSource],
  oaiSources: [learningOaiSource],
  publicNav: [{ path: '/learn', label: 'learning.publicNav', group: 'main' }],
  indicatorSources: [
    {
      key: 'learning.pathsCompleted',
      label: 'learning.indicator.pathsCompleted',
      measure: 'times',
      breakdowns: ['unit'],
      compute: (deps, q) => deps.repos.learningQueries.pathsCompleted(deps.db, q),
    },
    {
      key: 'learning.challengeParticipants',
      label: 'learning.indicator.challengeParticipants',
      measure: 'people',
      breakdowns: ['unit'],
      compute: (deps, q) => deps.repos.learningQueries.challengeParticipants(deps.db, q),
    },
    {
      key: 'learning.booksRead',
      label: 'learning.indicator.booksRead',
      measure: 'items',
      breakdowns: ['unit'],
      compute: (deps, q) => deps.repos.learningQueries.booksRead(deps.db, q),
    },
  ],
  personalData: {
    inventory: [
      {
        table: 'learning_step_progress',
        fields: ['learner_id', 'step_id', 'completed_at'],
        purpose: 'learning.privacy.purposeProgress',
        retention: 'learning.privacy.retention',
        visibleTo: 'learning.privacy.visibleLearner',
      },
      {
        table: 'learning_quiz_attempts',
        fields: ['learner_id', 'answers', 'score_percent', 'passed'],
        purpose: 'learning.privacy.purposeProgress',
        retention: 'learning.privacy.retention',
        visibleTo: 'learning.privacy.visibleLearner',
      },
      {
        table: 'learning_path_completions',
        fields: ['learner_id', 'path_id', 'completed_at'],
        purpose: 'learning.privacy.purposeProgress',
        retention: 'learning.privacy.retention',
        visibleTo: 'learning.privacy.visibleLearner',
      },
      {
        table: 'reading_challenge_participants',
        fields: ['learner_id', 'display_name', 'group_name', 'leaderboard_opt_in'],
        purpose: 'learning.privacy.purposeChallenge',
        retention: 'learning.privacy.retention',
        visibleTo: 'learning.privacy.visibleLeaderboard',
      },
      {
        table: 'reading_challenge_entries',
        fields: ['learner_id', 'title', 'minutes', 'read_on', 'source'],
        purpose: 'learning.privacy.purposeChallenge',
        retention: 'learning.privacy.retention',
        visibleTo: 'learning.privacy.visibleLearner',
      },
    ],
    export: (deps, db, subject) => deps.repos.learningQueries.exportOf(db, subject.learnerIds),
    erase: (deps, db, subject) => deps.repos.learningQueries.erase(db, subject.learnerIds),
  },
};
