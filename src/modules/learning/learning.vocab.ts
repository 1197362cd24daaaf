// Client-safe vocabulary of learning paths and reading challenges (pages import it; no server imports).

export const STEP_KINDS = ['page', 'image', 'video', 'record', 'exhibition', 'event', 'quiz'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * The demo library path's id (demo mode only): fixed so that the credentials module's demo seed can name it in
 * a `path_completed` award rule before the learning seed (later in the module list) writes the path.
 */
export const DEMO_PATH_ID = 'lpath_demolamquenthuvi';

export const COMPLETION_RULES = ['all_steps', 'required_steps', 'quizzes_passed'] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];

export const GOAL_KINDS = ['books', 'minutes'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const GROUP_KINDS = ['team', 'class', 'school', 'commune'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const ENTRY_SOURCES = ['self', 'path', 'event', 'loan'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export type PublishStatus = 'draft' | 'published';

export interface QuizOption {
  id: string;
  label: string;
  correct: boolean;
}
export interface QuizQuestion {
  id: string;
  prompt: string;
  /** More than one correct option: answered with check boxes, all correct ones and no other must be chosen. */
  multiple: boolean;
  options: QuizOption[];
}
export interface Quiz {
  questions: QuizQuestion[];
  /** Percent of questions answered correctly needed to pass. */
  passMark: number;
  /** Attempts a learner may make (each graded). */
  maxAttempts: number;
}
