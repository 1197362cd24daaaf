// Checks other modules run before a signed-in person registers: the learners module refuses a minor whose
// guardian (or own) consent is missing. Guards are descriptor contributions (`registrationGuards` in a module's
// descriptor, collected by src/app/registries.server.ts), so events never imports them and no module registers
// anything as it loads; a guard refuses by throwing an AppError.
import type { AppDeps } from '../../app/deps.types.ts';

export type RegistrationGuard = (
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  userId: string,
) => Promise<void>;

export async function checkRegistrationGuards(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  userId: string,
): Promise<void> {
  // Read when called, not when this file loads: the registry loads every module, events among them.
  const { registrationGuards } = await import('../../app/registries.server.ts');
  for (const fn of registrationGuards) await fn(deps, userId);
}
