// The idempotency module: one-time form tokens and Idempotency-Key answers (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { createIdempotencyRepository } from './idempotency.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ idempotency: createIdempotencyRepository() });

export const feature: FeatureModule = {
  name: 'idempotency',
  tables: ['idempotency_keys'],
  repositories,
};
