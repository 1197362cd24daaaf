// What other modules learn when a learner makes progress on a path: the learning record store writes the
// xAPI statements (step completed, quiz passed or failed, path completed). Listeners subscribe through the
// public surface (index.server.ts, `learningHooks`), so learning never imports them; they run inside the
// learner's transaction, so the progress and what the listeners write commit or fail together.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

interface PathRef {
  id: string;
  title: string;
  unitId: string;
}

export type LearningProgress =
  | {
      kind: 'step_completed';
      learnerId: string;
      path: PathRef;
      step: { id: string; title: string };
      at: Date;
    }
  | {
      kind: 'quiz_attempted';
      learnerId: string;
      path: PathRef;
      step: { id: string; title: string };
      attemptNo: number;
      scorePercent: number;
      passed: boolean;
      at: Date;
    }
  | { kind: 'path_completed'; learnerId: string; path: PathRef; at: Date };

export type LearningListener = (
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  tx: Db,
  progress: LearningProgress,
) => Promise<void>;

const listeners = new Set<LearningListener>();

export const learningHooks = {
  /** Adds a listener (once per function); returns how to remove it. */
  subscribe(fn: LearningListener): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};

export async function notifyLearning(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  tx: Db,
  p: LearningProgress,
): Promise<void> {
  for (const fn of listeners) await fn(deps, tx, p);
}
