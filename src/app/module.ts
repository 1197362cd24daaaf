// What a feature module contributes to the platform. Each module exports one descriptor
// (src/modules/<feature>/<feature>.module.server.ts); src/app/modules.server.ts lists them, and every
// registry (repositories, permissions, API, other HTTP routes, jobs, schedules, seeds, public paths,
// back-office navigation) is derived from that one list. Adding a module never edits a central table.
import type { Hono } from 'hono';
import type { DbHandle } from '../db/client.server.ts';
import type { HonoEnv } from '../http/env.ts';
import type { PermissionTable } from '../lib/authz.ts';
import type { MessageKey } from '../lib/i18n.ts';
import type { JobHandler, Schedule } from '../modules/jobs/jobs.types.ts';
import type { AppDeps } from './deps.types.ts';

/** The /api/v1 app a module registers its routes on (OpenAPIHono; typed loosely here to avoid a cycle). */
export type ApiRegistrar = (api: import('../http/api.server.ts').Api, deps: AppDeps) => void;

export interface NavEntry {
  path: string;
  label: MessageKey;
  /** Shown to whoever holds this permission somewhere. */
  action: string;
  /** Menu group: the plan's work, public content, administration (shown in that order). */
  group: 'work' | 'content' | 'admin';
}

export interface FeatureModule {
  name: string;
  /** This module's repositories, merged into `deps.repos` (SQL only for the module's own tables). */
  /**
   * The tables this module's migrations create. Only its own repositories query them; other modules go
   * through its public surface (`index.server.ts`). Checked by src/app/module-boundaries.test.ts.
   */
  tables?: readonly string[];
  repositories?: (dbh: DbHandle) => object;
  permissions?: PermissionTable;
  /** Routes under /api/v1. */
  api?: ApiRegistrar[];
  /** Other HTTP routes (feeds, OAI-PMH, IIIF, media, auth endpoints), mounted before the pages. */
  http?: Array<(app: Hono<HonoEnv>, deps: AppDeps) => void>;
  jobs?: Record<string, JobHandler>;
  schedules?: Schedule[];
  /** Reference data, applied on every start (idempotent), in module-list order. */
  seedReference?: (deps: AppDeps) => Promise<void>;
  /** Demo data, once, in module-list order. */
  seedDemo?: (deps: AppDeps) => Promise<unknown>;
  /** `METHOD /path` patterns anonymous callers may use (the route-auth test reads the union). */
  publicApi?: string[];
  /** React Router page ids anonymous visitors may open. */
  publicPages?: string[];
  /** Back-office menu entries. */
  nav?: NavEntry[];
}
