// Pure rules of learning paths and reading challenges: when a path is complete, when a challenge runs, which
// days an entry may be logged for, and how far a participant is towards the goal.
import type { CompletionRule } from './learning.vocab.ts';

export interface StepForRule {
  id: string;
  kind: string;
  required: boolean;
}

/**
 * Complete when the path's rule is met by the steps done (a quiz step counts as done once passed). A path
 * with no steps is never complete; `quizzes_passed` on a path without quizzes falls back to every step.
 */
export function isPathComplete(
  rule: CompletionRule,
  steps: readonly StepForRule[],
  done: ReadonlySet<string>,
): boolean {
  if (steps.length === 0) return false;
  let needed: readonly StepForRule[];
  if (rule === 'required_steps') needed = steps.filter((s) => s.required);
  else if (rule === 'quizzes_passed') {
    const quizzes = steps.filter((s) => s.kind === 'quiz');
    needed = quizzes.length ? quizzes : steps;
  } else needed = steps;
  if (needed.length === 0) needed = steps;
  return needed.every((s) => done.has(s.id));
}

export interface ChallengeWindow {
  startsOn: string;
  endsOn: string;
}

/** Days are ISO `YYYY-MM-DD` in Asia/Ho_Chi_Minh, so string order is date order. */
export const isRunning = (w: ChallengeWindow, today: string) => w.startsOn <= today && today <= w.endsOn;

export type EntryDayProblem = 'beforeWindow' | 'afterWindow' | 'future';

/** A self-logged reading day must lie inside the window and not after today. */
export function entryDayProblem(w: ChallengeWindow, today: string, day: string): EntryDayProblem | null {
  if (day > today) return 'future';
  if (day < w.startsOn) return 'beforeWindow';
  if (day > w.endsOn) return 'afterWindow';
  return null;
}

/** The day a verified activity counts for: its own day, clamped into the window (a path finished earlier does not count). */
export function creditDay(w: ChallengeWindow, day: string): string | null {
  return day < w.startsOn || day > w.endsOn ? null : day;
}

export function progressPercent(total: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.min(100, Math.floor((total * 100) / goal));
}
