// OAI-PMH harvesting, staff side: the fetch allow-list (root administrators), sources (unit managers), runs
// started by hand or by the daily schedule (catalogue-harvest.job.ts does the work).

import type { z } from 'zod';
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { hostMatches } from '../../../lib/safe-fetch.server.ts';
import { staleVersion } from '../../../lib/versions.server.ts';
import { authorizeOnRoot } from '../../access/access.scope.ts';
import { unitTree } from '../../access/access.unit-tree.ts';
import { outboundAllowList } from '../../outbound/index.server.ts';
import { newId } from '../catalogue.ids.server.ts';
import { enqueueHarvestJob } from './harvest.job.server.ts';
import type { AllowedHost, HarvestRun, HarvestSource } from './harvest.repository.server.ts';
import {
  type AllowedHostInput,
  AllowedHostInputSchema,
  type HarvestSourceInput,
  HarvestSourceInputSchema,
} from './harvest.schemas.server.ts';

const by = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new AppError('request.invalid', 400, 'error.validation', {
    details: r.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  });
}

export interface HarvestOverview {
  allowList: AllowedHost[];
  canManageAllowList: boolean;
  sources: Array<HarvestSource & { canManage: boolean; canRun: boolean; hostAllowed: boolean }>;
  runs: HarvestRun[];
  /** Units the actor may add sources for. */
  targetUnits: Array<{ id: string; name: string }>;
}

export async function harvestOverview(deps: AppDeps, actor: Actor): Promise<HarvestOverview> {
  authorize(actor, 'catalogue.harvest.list');
  const tree = await unitTree(deps);
  const canManageAllowList = tree
    .roots()
    .some((unitId) => can(actor, 'catalogue.harvest.allowlist.manage', { unitId }));
  const [allowList, sources, runs, units] = await Promise.all([
    outboundAllowList.hosts(deps, deps.db, 'harvest'),
    deps.repos.catalogueHarvest.listSources(deps.db),
    deps.repos.catalogueHarvest.listRuns(deps.db, 200),
    deps.repos.units.all(deps.db),
  ]);
  const patterns = allowList.map((h) => h.pattern);
  return {
    allowList,
    canManageAllowList,
    sources: sources
      .filter((s) => can(actor, 'catalogue.harvest.read', { unitId: s.unitId }))
      .map((s) => ({
        ...s,
        canManage: can(actor, 'catalogue.harvest.manage', { unitId: s.unitId }),
        canRun: can(actor, 'catalogue.harvest.run', { unitId: s.unitId }),
        hostAllowed: hostMatches(new URL(s.baseUrl).hostname, patterns),
      })),
    runs: runs.filter((r) => can(actor, 'catalogue.harvest.read', { unitId: r.unitId })).slice(0, 30),
    targetUnits: units
      .filter((u) => u.validTo === null && can(actor, 'catalogue.harvest.manage', { unitId: u.id }))
      .map((u) => ({ id: u.id, name: u.name })),
  };
}

export async function addAllowedHost(deps: AppDeps, actor: Actor, raw: AllowedHostInput): Promise<void> {
  authorizeOnRoot(actor, 'catalogue.harvest.allowlist.manage', await unitTree(deps));
  const input = parse(AllowedHostInputSchema, raw);
  const pattern = input.pattern.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  await deps.db.transaction(async (tx) => {
    const added = await outboundAllowList.add(deps, tx, 'harvest', pattern, input.note || null, by(actor));
    if (!added)
      throw new AppError('catalogue.harvest.host_exists', 409, 'catalogue.harvest.error.hostExists');
    await deps.audit.record(tx, actor, {
      action: 'catalogue.harvest.allowlist.add',
      entityType: 'catalogue_fetch_allowlist',
      entityId: pattern,
      after: { pattern, note: input.note ?? null },
    });
  });
}

export async function removeAllowedHost(deps: AppDeps, actor: Actor, pattern: string): Promise<void> {
  authorizeOnRoot(actor, 'catalogue.harvest.allowlist.manage', await unitTree(deps));
  await deps.db.transaction(async (tx) => {
    if (!(await outboundAllowList.remove(deps, tx, 'harvest', pattern)))
      throw notFound('catalogue.harvest.host');
    await deps.audit.record(tx, actor, {
      action: 'catalogue.harvest.allowlist.remove',
      entityType: 'catalogue_fetch_allowlist',
      entityId: pattern,
      before: { pattern },
    });
  });
}

export async function createHarvestSource(
  deps: AppDeps,
  actor: Actor,
  raw: HarvestSourceInput,
): Promise<HarvestSource> {
  authorize(actor, 'catalogue.harvest.manage', { unitId: raw.unitId });
  const input = parse(HarvestSourceInputSchema, raw);
  if (!(await deps.repos.catalogue.unitExists(deps.db, input.unitId)))
    throw new AppError('catalogue.unit_unknown', 422, 'catalogue.error.unknownUnit');
  const allow = (await outboundAllowList.hosts(deps, deps.db, 'harvest')).map((h) => h.pattern);
  if (!hostMatches(new URL(input.baseUrl).hostname, allow))
    throw new AppError('catalogue.harvest.host_not_allowed', 422, 'catalogue.harvest.error.hostNotAllowed');
  const id = newId('hsrc');
  const values = { id, ...input, setSpec: input.setSpec || null, enabled: true };
  await deps.db.transaction(async (tx) => {
    await deps.repos.catalogueHarvest.createSource(tx, values, by(actor));
    await deps.audit.record(tx, actor, {
      action: 'catalogue.harvest.source.create',
      entityType: 'catalogue_harvest_source',
      entityId: id,
      unitId: input.unitId,
      after: values,
    });
  });
  return (await deps.repos.catalogueHarvest.getSource(deps.db, id)) as HarvestSource;
}

async function sourceFor(deps: AppDeps, actor: Actor, action: string, id: string): Promise<HarvestSource> {
  const source = await deps.repos.catalogueHarvest.getSource(deps.db, id);
  if (!source || !can(actor, 'catalogue.harvest.read', { unitId: source.unitId })) {
    authorize(actor, 'catalogue.harvest.list');
    throw notFound('catalogue.harvest.source');
  }
  authorize(actor, action, { unitId: source.unitId });
  return source;
}

export async function setHarvestSourceEnabled(
  deps: AppDeps,
  actor: Actor,
  id: string,
  enabled: boolean,
  /** The version the source was shown at; a stale one → 409. */
  version: number,
): Promise<void> {
  const source = await sourceFor(deps, actor, 'catalogue.harvest.manage', id);
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.catalogueHarvest.setSourceEnabled(tx, id, enabled, version)))
      throw staleVersion('catalogue.harvestSource');
    await deps.audit.record(tx, actor, {
      action: enabled ? 'catalogue.harvest.source.enable' : 'catalogue.harvest.source.disable',
      entityType: 'catalogue_harvest_source',
      entityId: id,
      unitId: source.unitId,
      before: { enabled: source.enabled },
      after: { enabled },
    });
  });
}

/** Queues a run now; 409 when one is already queued or running for this source. */
export async function startHarvestRun(deps: AppDeps, actor: Actor, sourceId: string): Promise<string> {
  const source = await sourceFor(deps, actor, 'catalogue.harvest.run', sourceId);
  const runId = newId('hrun');
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.catalogueHarvest.createRun(tx, runId, sourceId, by(actor))))
      throw new AppError('catalogue.harvest.running', 409, 'catalogue.harvest.error.running');
    await deps.audit.record(tx, actor, {
      action: 'catalogue.harvest.run.start',
      entityType: 'catalogue_harvest_run',
      entityId: runId,
      unitId: source.unitId,
      after: { sourceId },
    });
    await enqueueHarvestJob(deps, tx, runId, 0);
  });
  return runId;
}

export async function getHarvestRun(deps: AppDeps, actor: Actor, runId: string): Promise<HarvestRun> {
  const run = await deps.repos.catalogueHarvest.getRun(deps.db, runId);
  if (!run || !can(actor, 'catalogue.harvest.read', { unitId: run.unitId })) {
    authorize(actor, 'catalogue.harvest.list');
    throw notFound('catalogue.harvest.run');
  }
  return run;
}
