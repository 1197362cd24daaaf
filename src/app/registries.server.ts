// Every registry of the platform, derived from the one module list.
import type { Hono } from 'hono';
import type { DbHandle } from '../db/client.server.ts';
import type { HonoEnv } from '../http/env.ts';
import type { JobHandler, Schedule } from '../modules/jobs/jobs.types.ts';
import type { AppDeps } from './deps.types.ts';
import type { ApiRegistrar, FeatureModule, NavEntry } from './module.ts';
import { modules, type Repos } from './modules.server.ts';

export type { Repos };

const all: readonly FeatureModule[] = modules;

export function createRepos(dbh: DbHandle): Repos {
  const repos: Record<string, unknown> = {};
  for (const m of all) {
    for (const [name, repo] of Object.entries(m.repositories?.(dbh) ?? {})) {
      if (name in repos) throw new Error(`Two modules register the repository "${name}" (${m.name})`);
      repos[name] = repo;
    }
  }
  return repos as Repos;
}

export const apiRegistrars: readonly ApiRegistrar[] = all.flatMap((m) => m.api ?? []);

export const httpMounts: ReadonlyArray<(app: Hono<HonoEnv>, deps: AppDeps) => void> = all.flatMap(
  (m) => m.http ?? [],
);

export const jobHandlers: Readonly<Record<string, JobHandler>> = Object.fromEntries(
  all.flatMap((m) => Object.entries(m.jobs ?? {})),
);

export const schedules: readonly Schedule[] = all.flatMap((m) => m.schedules ?? []);

export const moduleSeeds = {
  reference: all.flatMap((m) => (m.seedReference ? [{ name: m.name, seed: m.seedReference }] : [])),
  demo: all.flatMap((m) => (m.seedDemo ? [{ name: m.name, seed: m.seedDemo }] : [])),
};

const GROUPS: ReadonlyArray<NavEntry['group']> = ['work', 'content', 'admin'];
export const adminNav: readonly NavEntry[] = GROUPS.flatMap((g) =>
  all.flatMap((m) => (m.nav ?? []).filter((n) => n.group === g)),
);
