// Budget of the plan: units estimate their part of a yearly instance, the finance office appraises each line
// and records what was spent. Every write runs in one transaction with its audit entry; every change names
// the version it read, so two people saving the same line cannot silently overwrite each other.

import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../../app/policies.server.ts';
import type { Db } from '../../../db/client.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import type {
  BudgetInstance,
  BudgetLine,
  BudgetLinePatch,
  BudgetTotals,
} from './budget.repository.server.ts';
import type {
  AppraiseBudgetLineInput,
  BudgetQuery,
  CreateBudgetLineInput,
  RecordSpendingInput,
  UpdateBudgetLineInput,
} from './budget.schemas.server.ts';

export type BudgetDeps = Pick<AppDeps, 'db' | 'repos' | 'audit'>;
type ReadDeps = Pick<AppDeps, 'db' | 'repos'>;

/** undefined = every line; otherwise the grant roots whose subtrees the line's unit must lie in. */
export function budgetReadScope(actor: Actor): string[] | undefined {
  authorize(actor, 'plan.budget.read');
  return can(actor, 'plan.budget.read_all') ? undefined : scopeRoots(actor, 'plan.budget.read');
}

function inScope(actor: Actor, roots: string[] | undefined, unitId: string): boolean {
  if (roots === undefined) return true;
  return actor.kind === 'user' && roots.some((r) => actor.inSubtree(r, unitId));
}

/** Unit staff see an instance when one of their units leads or coordinates its task. */
function instanceVisible(actor: Actor, roots: string[] | undefined, instance: BudgetInstance): boolean {
  return roots === undefined || instance.units.some((u) => inScope(actor, roots, u.id));
}

const budgetError = (code: string, status: number, key: MessageKey) =>
  new AppError(`plan.budget.${code}`, status, key);
const stale = () => budgetError('stale', 409, 'planBudget.error.stale');

export async function listBudget(
  deps: ReadDeps,
  actor: Actor,
  query: BudgetQuery,
  opts: { limit?: number } = {},
): Promise<{ lines: BudgetLine[]; totals: BudgetTotals }> {
  const filter = { ...query, scopeRoots: budgetReadScope(actor) };
  const [lines, totals] = await Promise.all([
    deps.repos.planBudget.list(deps.db, { ...filter, limit: opts.limit }),
    deps.repos.planBudget.totals(deps.db, filter),
  ]);
  return { lines, totals };
}

export async function getBudgetLine(deps: ReadDeps, actor: Actor, lineId: string): Promise<BudgetLine> {
  const roots = budgetReadScope(actor);
  const line = await deps.repos.planBudget.get(deps.db, lineId);
  if (!line || !inScope(actor, roots, line.unitId)) throw notFound('plan.budget.line');
  return line;
}

/**
 * An instance as its budget page shows it. Unit staff reach only instances of tasks their units lead or
 * coordinate; any other id answers 404 like a missing one.
 */
export async function getBudgetInstance(
  deps: ReadDeps,
  actor: Actor,
  instanceId: string,
): Promise<{
  instance: BudgetInstance;
  lines: BudgetLine[];
  /** Units of the task the actor may add lines for. */
  estimateUnits: BudgetInstance['units'];
  canAppraise: boolean;
  canSpend: boolean;
}> {
  const roots = budgetReadScope(actor);
  const instance = await deps.repos.planBudget.instance(deps.db, instanceId);
  if (!instance || !instanceVisible(actor, roots, instance)) throw notFound('plan.instance');
  const lines = await deps.repos.planBudget.list(deps.db, { instanceId, scopeRoots: roots });
  const seen = new Set<string>();
  const estimateUnits = instance.units.filter((u) => {
    if (seen.has(u.id) || !can(actor, 'plan.budget.estimate', { unitId: u.id })) return false;
    seen.add(u.id);
    return true;
  });
  return {
    instance,
    lines,
    estimateUnits,
    canAppraise: can(actor, 'plan.budget.appraise'),
    canSpend: can(actor, 'plan.budget.spend'),
  };
}

function auditView(l: Pick<BudgetLine, 'content' | 'amount' | 'source'> & Partial<BudgetLine>) {
  return {
    content: l.content,
    amount: l.amount,
    source: l.source,
    approvedAmount: l.approvedAmount ?? null,
    appraisalComment: l.appraisalComment ?? null,
    spentAmount: l.spentAmount ?? null,
    spentDocument: l.spentDocument ?? null,
    version: l.version,
  };
}

export async function createBudgetLine(
  deps: BudgetDeps,
  actor: Actor,
  input: CreateBudgetLineInput,
): Promise<BudgetLine> {
  const roots = budgetReadScope(actor);
  return deps.db.transaction(async (tx) => {
    const instance = await deps.repos.planBudget.instance(tx, input.instanceId);
    if (!instance || !instanceVisible(actor, roots, instance)) throw notFound('plan.instance');
    if (!instance.units.some((u) => u.id === input.unitId))
      throw budgetError('unit_not_on_task', 422, 'planBudget.error.unitNotOnTask');
    authorize(actor, 'plan.budget.estimate', { unitId: input.unitId });
    const id = await deps.repos.planBudget.insert(tx, {
      ...input,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdByName: actor.kind === 'user' ? actor.name : null,
    });
    const line = await deps.repos.planBudget.get(tx, id);
    if (!line) throw new Error('budget line vanished after insert');
    await deps.audit.record(tx, actor, {
      action: 'plan.budget.create',
      entityType: 'plan_budget_line',
      entityId: id,
      unitId: line.unitId,
      before: null,
      after: auditView(line),
    });
    return line;
  });
}

/** Loads and locks a line the actor may see, checks the version, applies `patch`, audits. */
async function changeLine(
  deps: BudgetDeps,
  actor: Actor,
  lineId: string,
  version: number,
  action: string,
  check: (line: BudgetLine) => void,
  patch: (line: BudgetLine) => BudgetLinePatch,
): Promise<BudgetLine> {
  const roots = budgetReadScope(actor);
  return deps.db.transaction(async (tx: Db) => {
    const before = await deps.repos.planBudget.get(tx, lineId, { forUpdate: true });
    if (!before || !inScope(actor, roots, before.unitId)) throw notFound('plan.budget.line');
    check(before);
    if (before.version !== version) throw stale();
    if (!(await deps.repos.planBudget.update(tx, lineId, version, patch(before)))) throw stale();
    const after = await deps.repos.planBudget.get(tx, lineId);
    if (!after) throw new Error('budget line vanished during update');
    await deps.audit.record(tx, actor, {
      action,
      entityType: 'plan_budget_line',
      entityId: lineId,
      unitId: after.unitId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function updateBudgetLine(
  deps: BudgetDeps,
  actor: Actor,
  lineId: string,
  input: UpdateBudgetLineInput,
): Promise<BudgetLine> {
  return changeLine(
    deps,
    actor,
    lineId,
    input.version,
    'plan.budget.update',
    (line) => {
      authorize(actor, 'plan.budget.estimate', { unitId: line.unitId });
      // Once appraised, the estimate is what the finance office decided on: it no longer changes.
      if (line.approvedAmount !== null) throw budgetError('appraised', 409, 'planBudget.error.appraised');
    },
    () => ({ content: input.content, amount: input.amount, source: input.source }),
  );
}

export async function appraiseBudgetLine(
  deps: BudgetDeps,
  actor: Actor,
  lineId: string,
  input: AppraiseBudgetLineInput,
): Promise<BudgetLine> {
  authorize(actor, 'plan.budget.appraise');
  return changeLine(
    deps,
    actor,
    lineId,
    input.version,
    'plan.budget.appraise',
    () => {},
    () => ({
      approvedAmount: input.approvedAmount,
      appraisalComment: input.comment ? input.comment : null,
      appraisedBy: actor.kind === 'user' ? actor.userId : null,
      appraisedByName: actor.kind === 'user' ? actor.name : null,
      appraisedAt: new Date(),
    }),
  );
}

export async function recordBudgetSpending(
  deps: BudgetDeps,
  actor: Actor,
  lineId: string,
  input: RecordSpendingInput,
): Promise<BudgetLine> {
  authorize(actor, 'plan.budget.spend');
  return changeLine(
    deps,
    actor,
    lineId,
    input.version,
    'plan.budget.spend',
    (line) => {
      if (line.approvedAmount === null)
        throw budgetError('not_appraised', 409, 'planBudget.error.notAppraised');
    },
    () => ({
      spentAmount: input.spentAmount,
      spentDocument: input.document,
      spentBy: actor.kind === 'user' ? actor.userId : null,
      spentByName: actor.kind === 'user' ? actor.name : null,
      spentAt: new Date(),
    }),
  );
}

export async function deleteBudgetLine(
  deps: BudgetDeps,
  actor: Actor,
  lineId: string,
  version: number,
): Promise<void> {
  const roots = budgetReadScope(actor);
  await deps.db.transaction(async (tx) => {
    const line = await deps.repos.planBudget.get(tx, lineId, { forUpdate: true });
    if (!line || !inScope(actor, roots, line.unitId)) throw notFound('plan.budget.line');
    authorize(actor, 'plan.budget.estimate', { unitId: line.unitId });
    if (line.approvedAmount !== null) throw budgetError('appraised', 409, 'planBudget.error.appraised');
    if (line.version !== version || !(await deps.repos.planBudget.remove(tx, lineId, version))) throw stale();
    await deps.audit.record(tx, actor, {
      action: 'plan.budget.delete',
      entityType: 'plan_budget_line',
      entityId: lineId,
      unitId: line.unitId,
      before: auditView(line),
      after: null,
    });
  });
}
