// Seeding, in module-list order. Reference data is applied on every start and is idempotent; demo data is
// added once, in demo mode only, and is clearly marked as such.
import type { AppDeps } from './deps.types.ts';
import { moduleSeeds } from './registries.server.ts';

export interface SeedReport {
  reference: string[];
  demo: { created: boolean; adminEmail?: string; adminPassword?: string };
}

export async function seedReference(deps: AppDeps): Promise<string[]> {
  const done: string[] = [];
  for (const { name, seed } of moduleSeeds.reference) {
    await seed(deps);
    done.push(name);
  }
  return done;
}

/** Demo mode, first start only: the `demo.seeded_at` marker is written last, so an interrupted start retries. */
export async function seedDemo(deps: AppDeps): Promise<SeedReport['demo']> {
  if (await deps.repos.settings.get('demo.seeded_at')) return { created: false };
  let admin: { adminEmail?: string; adminPassword?: string } = {};
  for (const { seed } of moduleSeeds.demo) {
    const result = await seed(deps);
    // The demo accounts seed answers with the one-time administrator login printed at start.
    if (result && typeof result === 'object' && 'adminEmail' in result) admin = result as typeof admin;
  }
  await deps.repos.settings.set('demo.seeded_at', deps.now().toISOString());
  return admin.adminEmail && admin.adminPassword
    ? { created: true, adminEmail: admin.adminEmail, adminPassword: admin.adminPassword }
    : { created: true };
}
