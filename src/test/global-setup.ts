// Once per test run and project. Integration tests serve real pages, so the React Router build must exist and
// be newer than the sources (rebuilt here otherwise); and the integration projects migrate and seed one
// template database that every test file copies.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { buildDeps } from '../app/build-deps.server.ts';
import { seedReference } from '../app/seeds.server.ts';
import { createLogger } from '../lib/logger.server.ts';
import { buildIsStale } from './build-freshness.ts';
import {
  buildPgliteTemplates,
  buildPostgresTemplates,
  dropTemplates,
  type SeedFn,
  type TestTemplates,
} from './db-templates.ts';
import { testConfig } from './test-config.ts';

const seed: SeedFn = async (dbh) => {
  await seedReference(buildDeps(testConfig(), dbh, createLogger('silent')));
};

export default async function setup(project: TestProject) {
  const dir = process.env.RR_BUILD_DIR ?? 'build';
  if (buildIsStale(process.cwd(), dir)) {
    execFileSync('npx', ['react-router', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  }
  const kind = project.config.env?.TEST_DB_KIND;
  let templates: TestTemplates | null = null;
  if (kind === 'pglite') templates = await buildPgliteTemplates(seed);
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres test project');
    templates = await buildPostgresTemplates(url, seed);
  }
  project.provide('testTemplates', templates);
  return async () => {
    if (templates) await dropTemplates(templates);
  };
}
