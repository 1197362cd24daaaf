// Seeding. Reference data (settings, units, the plan, commemorative days) is applied on every start and is
// idempotent. Demo data is added once, in demo mode only, and is clearly marked as such.
import type { AppDeps } from '../../deps.server.ts';
import { seedDemoAccounts } from '../../modules/access/access.seed.server.ts';
import { seedDemoCatalogue } from '../../modules/catalogue/catalogue.seed.server.ts';
import { seedDemoEvents } from '../../modules/events/events.seed.server.ts';
import { seedDemoExhibitions } from '../../modules/exhibitions/exhibitions.seed.server.ts';
import { seedDemoPlaces } from '../../modules/places/places.seed.server.ts';
import { seedCommemorativeDays, seedPlan } from '../../modules/plan/plan.seed.server.ts';
import { seedDemoPlanBudget } from '../../modules/plan/plan-budget.seed.server.ts';
import { seedDemoPlanWork } from '../../modules/plan/plan-work.seed.server.ts';
import { seedUnits } from '../../modules/units/units.seed.server.ts';

export interface SeedReport {
  reference: string[];
  demo: { created: boolean; adminEmail?: string; adminPassword?: string };
}

export async function seedReference(deps: AppDeps): Promise<string[]> {
  const done: string[] = [];
  await deps.repos.settings.setDefault('department.name', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa');
  await deps.repos.settings.setDefault(
    'department.name_en',
    'Department of Culture, Sports and Tourism of Khánh Hòa',
  );
  await deps.repos.settings.setDefault('auth.require_mfa_for_staff', false);
  done.push('settings');
  await seedUnits(deps);
  done.push('units');
  await seedPlan(deps);
  done.push('plan');
  await seedCommemorativeDays(deps);
  done.push('commemorative-days');
  return done;
}

/** Demo mode, first start only: the `demo.seeded_at` marker is written last, so an interrupted start retries. */
export async function seedDemo(deps: AppDeps): Promise<SeedReport['demo']> {
  if (await deps.repos.settings.get('demo.seeded_at')) return { created: false };
  const accounts = await seedDemoAccounts(deps);
  await seedDemoCatalogue(deps);
  await seedDemoExhibitions(deps);
  await seedDemoPlaces(deps);
  await seedDemoEvents(deps);
  await seedDemoPlanWork(deps);
  await seedDemoPlanBudget(deps);
  await deps.repos.settings.set('demo.seeded_at', deps.now().toISOString());
  return accounts.adminPassword
    ? { created: true, adminEmail: accounts.adminEmail, adminPassword: accounts.adminPassword }
    : { created: true };
}
