// The settings module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import type { DbHandle } from '../../db/client.server.ts';
import { createSettingsRepository } from './settings.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = (dbh: DbHandle) => ({ settings: createSettingsRepository(dbh) });

export const feature: FeatureModule = {
  name: 'settings',
  tables: ['settings'],
  publishedViews: ['setting_directory'],
  repositories,
  seedReference: async (deps) => {
    await deps.repos.settings.setDefault('department.name', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa');
    await deps.repos.settings.setDefault(
      'department.name_en',
      'Department of Culture, Sports and Tourism of Khánh Hòa',
    );
    await deps.repos.settings.setDefault('auth.require_mfa_for_staff', false);
  },
};
