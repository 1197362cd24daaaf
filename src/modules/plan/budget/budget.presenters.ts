import type { BudgetLine } from './budget.repository.server.ts';
import type { BudgetLineDto } from './budget.schemas.server.ts';

export function presentBudgetLine(l: BudgetLine): BudgetLineDto {
  return {
    id: l.id,
    instanceId: l.instanceId,
    year: l.year,
    task: {
      id: l.taskId,
      phase: l.taskPhase,
      section: l.taskSection,
      number: l.taskNumber,
      content: l.taskContent,
    },
    unit: { id: l.unitId, code: l.unitCode, name: l.unitName },
    content: l.content,
    amount: l.amount,
    source: l.source,
    appraisal:
      l.approvedAmount !== null && l.appraisedAt
        ? {
            approvedAmount: l.approvedAmount,
            comment: l.appraisalComment,
            by: l.appraisedByName,
            at: l.appraisedAt.toISOString(),
          }
        : null,
    spending:
      l.spentAmount !== null && l.spentAt
        ? {
            spentAmount: l.spentAmount,
            document: l.spentDocument ?? '',
            by: l.spentByName,
            at: l.spentAt.toISOString(),
          }
        : null,
    version: l.version,
  };
}
