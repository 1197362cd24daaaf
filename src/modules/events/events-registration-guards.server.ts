// Checks other modules run before a signed-in person registers: the learners module refuses a minor whose
// guardian (or own) consent is missing. Guards are added through the public surface (index.server.ts,
// `registrationGuards`), so events never imports them; a guard refuses by throwing an AppError.
import type { AppDeps } from '../../app/deps.types.ts';

export type RegistrationGuard = (
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  userId: string,
) => Promise<void>;

const guards = new Set<RegistrationGuard>();

export const registrationGuards = {
  /** Adds a guard (once per function); returns how to remove it. */
  add(fn: RegistrationGuard): () => void {
    guards.add(fn);
    return () => guards.delete(fn);
  },
};

export async function checkRegistrationGuards(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  userId: string,
): Promise<void> {
  for (const fn of guards) await fn(deps, userId);
}
