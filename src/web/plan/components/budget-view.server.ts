// Shapes budget lines for the back-office pages' loaders (plain data: amounts already formatted `1.234.567 ₫`).
import { can } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { formatVnd } from '../../../lib/money.ts';
import type { BudgetLine, BudgetSums } from '../../../modules/plan/budget/budget.repository.server.ts';
import type { LineStage } from './budget-view.ts';

export function budgetLineView(actor: Actor, l: BudgetLine) {
  const stage: LineStage =
    l.spentAmount !== null ? 'spent' : l.approvedAmount !== null ? 'appraised' : 'estimated';
  return {
    id: l.id,
    instanceId: l.instanceId,
    year: l.year,
    task: `${l.taskSection}.${l.taskNumber}`,
    taskPhase: l.taskPhase,
    taskContent: l.taskContent,
    unitId: l.unitId,
    unitName: l.unitName,
    content: l.content,
    source: l.source,
    amount: formatVnd(l.amount),
    approved: l.approvedAmount === null ? null : formatVnd(l.approvedAmount),
    comment: l.appraisalComment,
    appraisedBy: l.appraisedByName,
    appraisedAt: l.appraisedAt ? formatDateTime(l.appraisedAt) : null,
    spent: l.spentAmount === null ? null : formatVnd(l.spentAmount),
    document: l.spentDocument,
    spentBy: l.spentByName,
    spentAt: l.spentAt ? formatDateTime(l.spentAt) : null,
    createdBy: l.createdByName,
    stage,
    version: l.version,
    /** Raw amounts to refill the edit forms, in the format people type ("1.234.567"). */
    raw: {
      amount: formatVnd(l.amount).replace(' ₫', ''),
      approved: l.approvedAmount === null ? '' : formatVnd(l.approvedAmount).replace(' ₫', ''),
      spent: l.spentAmount === null ? '' : formatVnd(l.spentAmount).replace(' ₫', ''),
    },
    canEdit: l.approvedAmount === null && can(actor, 'plan.budget.estimate', { unitId: l.unitId }),
  };
}
export type BudgetLineView = ReturnType<typeof budgetLineView>;

export function sumsView(s: BudgetSums) {
  return {
    lines: s.lines,
    estimated: formatVnd(s.estimated),
    approved: formatVnd(s.approved),
    spent: formatVnd(s.spent),
  };
}
