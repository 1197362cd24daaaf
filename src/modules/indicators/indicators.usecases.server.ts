// Use cases of indicator definitions and targets (the focal point's work), audited.
import { z } from 'zod';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { AGGREGATIONS, DIRECTIONS } from './indicators.vocab.ts';

export const DefinitionEditSchema = z.strictObject({
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  direction: z.enum(DIRECTIONS),
  aggregation: z.enum(AGGREGATIONS),
  indicatorSet: z.string().regex(/^[a-z0-9-]{1,40}$/),
  citation: z.string().trim().max(1000),
  status: z.enum(['confirmed', 'draft']),
  active: z.boolean(),
  version: z.number().int().positive(),
});
export type DefinitionEdit = z.infer<typeof DefinitionEditSchema>;

export const TargetSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  unitId: z.string().min(1).max(40).nullable(),
  /** null removes the target. */
  target: z.number().finite().min(-1e15).max(1e15).nullable(),
  status: z.enum(['confirmed', 'draft']),
  citation: z.string().trim().max(1000),
});
export type TargetInput = z.infer<typeof TargetSchema>;

export async function listDefinitions(deps: AppDeps, actor: Actor) {
  authorize(actor, 'indicators.definition.read');
  const defs = await deps.repos.indicators.definitions(deps.db);
  const targets = await deps.repos.indicators.targets(deps.db);
  return defs.map((d) => ({ ...d, targets: targets.filter((t) => t.indicatorId === d.id) }));
}

export async function getDefinition(deps: AppDeps, actor: Actor, idOrCode: string) {
  authorize(actor, 'indicators.definition.read');
  const d = await deps.repos.indicators.definition(deps.db, idOrCode);
  if (!d) throw notFound('indicator');
  return { ...d, targets: await deps.repos.indicators.targets(deps.db, [d.id]) };
}

export async function editDefinition(deps: AppDeps, actor: Actor, id: string, input: DefinitionEdit) {
  authorize(actor, 'indicators.definition.manage');
  const before = await deps.repos.indicators.definition(deps.db, id);
  if (!before) throw notFound('indicator');
  if (input.aggregation === 'ratio' && before.sourceKind !== 'ratio') throw conflict('indicator.aggregation');
  if (input.aggregation !== 'ratio' && before.sourceKind === 'ratio') throw conflict('indicator.aggregation');
  const { version, ...changes } = input;
  await deps.db.transaction(async (tx) => {
    const ok = await deps.repos.indicators.updateDefinition(tx, before.id, version, changes);
    if (!ok) throw conflict('indicator.version', 'error.versionConflict');
    await deps.audit.record(tx, actor, {
      action: 'indicators.definition.update',
      entityType: 'indicator',
      entityId: before.id,
      before,
      after: changes,
    });
  });
}

export async function setTarget(deps: AppDeps, actor: Actor, indicatorId: string, input: TargetInput) {
  authorize(actor, 'indicators.definition.manage');
  const def = await deps.repos.indicators.definition(deps.db, indicatorId);
  if (!def) throw notFound('indicator');
  await deps.db.transaction(async (tx) => {
    if (input.target === null) await deps.repos.indicators.deleteTarget(tx, def.id, input.year, input.unitId);
    else
      await deps.repos.indicators.upsertTarget(tx, {
        indicatorId: def.id,
        year: input.year,
        unitId: input.unitId,
        target: input.target,
        status: input.status,
        citation: input.citation,
      });
    await deps.audit.record(tx, actor, {
      action: 'indicators.target.set',
      entityType: 'indicator',
      entityId: def.id,
      after: input,
    });
  });
}
