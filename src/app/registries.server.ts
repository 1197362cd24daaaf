// Every registry of the platform, derived from the one module list.
import type { Hono } from 'hono';
import type { DbHandle } from '../db/client.server.ts';
import type { HonoEnv } from '../http/env.ts';
import type { MessageKey } from '../lib/i18n.ts';
import type { AttendanceListener, RegistrationGuard } from '../modules/events/index.server.ts';
import type { JobHandler, Schedule } from '../modules/jobs/jobs.types.ts';
import type { LearningListener } from '../modules/learning/index.server.ts';
import type { AppDeps } from './deps.types.ts';
import type {
  ApiRegistrar,
  FeatureModule,
  IndicatorSource,
  NavEntry,
  OaiSource,
  PersonalDataHandler,
  PlanEvidenceSource,
  PublicNavEntry,
  RetentionRule,
  SearchSource,
  SitemapSource,
} from './module.ts';
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

/** Job kind → its words, from every module's `jobLabels`. */
export const jobLabels: Readonly<Record<string, MessageKey>> = Object.fromEntries(
  all.flatMap((m) => Object.entries(m.jobLabels ?? {})),
);

/** The modules whose records link to plan task instances as evidence, in module-list order. */
export const planEvidenceSources: ReadonlyArray<{ module: string; source: PlanEvidenceSource }> = all.flatMap(
  (m) => (m.planEvidence ? [{ module: m.name, source: m.planEvidence }] : []),
);

/** Checks before a signed-in person registers for an event, from every module's `registrationGuards`. */
export const registrationGuards: readonly RegistrationGuard[] = all.flatMap(
  (m) => m.registrationGuards ?? [],
);

/** Reactions to an event check-in, from every module's `attendanceListeners`, in module-list order. */
export const attendanceListeners: readonly AttendanceListener[] = all.flatMap(
  (m) => m.attendanceListeners ?? [],
);

/** Reactions to progress on a learning path, from every module's `learningListeners`, in module-list order. */
export const learningListeners: readonly LearningListener[] = all.flatMap((m) => m.learningListeners ?? []);

export const schedules: readonly Schedule[] = all.flatMap((m) => m.schedules ?? []);

export const moduleSeeds = {
  reference: all.flatMap((m) => (m.seedReference ? [{ name: m.name, seed: m.seedReference }] : [])),
  demo: all.flatMap((m) => (m.seedDemo ? [{ name: m.name, seed: m.seedDemo }] : [])),
};

const GROUPS: ReadonlyArray<NavEntry['group']> = ['work', 'content', 'admin'];
export const adminNav: readonly NavEntry[] = GROUPS.flatMap((g) =>
  all.flatMap((m) => (m.nav ?? []).filter((n) => n.group === g)),
);

/** Public site menu (header and footer), in module-list order. */
export const publicNav: readonly PublicNavEntry[] = all.flatMap((m) => m.publicNav ?? []);

/** Every module's indicator computations, by key (a duplicate key is a programming error). */
export const indicatorSources: ReadonlyMap<string, IndicatorSource> = (() => {
  const out = new Map<string, IndicatorSource>();
  for (const m of all) {
    for (const s of m.indicatorSources ?? []) {
      if (out.has(s.key)) throw new Error(`indicator source ${s.key} is contributed twice`);
      out.set(s.key, s);
    }
  }
  return out;
})();

/** The modules that hold personal data, with their handlers (data-subject rights, inventory). */
export const personalDataHandlers: ReadonlyArray<{ module: string; handler: PersonalDataHandler }> =
  all.flatMap((m) => (m.personalData ? [{ module: m.name, handler: m.personalData }] : []));

/** Every module's records the catalogue search also finds, in module-list order (types are unique). */
export const searchSources: readonly SearchSource[] = (() => {
  const out = all.flatMap((m) => m.searchSources ?? []);
  const types = out.map((s) => s.type);
  const dup = types.find((n, i) => types.indexOf(n) !== i);
  if (dup) throw new Error(`search source ${dup} is contributed twice`);
  return out;
})();

/** Every module's records for the OAI-PMH provider, in module-list order (types are unique). */
export const oaiSources: readonly OaiSource[] = (() => {
  const out = all.flatMap((m) => m.oaiSources ?? []);
  const types = out.map((s) => s.type);
  const dup = types.find((n, i) => types.indexOf(n) !== i);
  if (dup) throw new Error(`OAI source ${dup} is contributed twice`);
  return out;
})();

/** Every module's retention rules, in module-list order (a duplicate category is a programming error). */
export const retentionRules: readonly RetentionRule[] = (() => {
  const out = all.flatMap((m) => m.retention ?? []);
  const codes = out.map((r) => r.category);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new Error(`retention category ${dup} is contributed twice`);
  return out;
})();

/** Every module's public pages for the sitemap, in module-list order (names are unique). */
export const sitemapSources: readonly SitemapSource[] = (() => {
  const out = all.flatMap((m) => m.sitemap ?? []);
  const names = out.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`sitemap source ${dup} is contributed twice`);
  return out;
})();
