// What other modules learn when a learner makes progress on a path: the learning record store writes the
// xAPI statements (step completed, quiz passed or failed, path completed), credentials award badges. Listeners
// are descriptor contributions (`learningListeners` in a module's descriptor, collected by
// src/app/registries.server.ts), so learning never imports them and nothing subscribes as a module loads; they
// run inside the learner's transaction, so the progress and what the listeners write commit or fail together.
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

export async function notifyLearning(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  tx: Db,
  p: LearningProgress,
): Promise<void> {
  // Read when called, not when this file loads: the registry loads every module, learning among them.
  const { learningListeners } = await import('../../app/registries.server.ts');
  for (const fn of learningListeners) await fn(deps, tx, p);
}
