import { bigint, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

import type { BudgetSource } from './budget.vocab.ts';

export { BUDGET_SOURCES, type BudgetSource } from './budget.vocab.ts';

export const planBudgetLines = pgTable('plan_budget_lines', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id').notNull(),
  unitId: text('unit_id').notNull(),
  content: text('content').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  source: text('source').$type<BudgetSource>().notNull(),
  approvedAmount: bigint('approved_amount', { mode: 'number' }),
  appraisalComment: text('appraisal_comment'),
  appraisedBy: text('appraised_by'),
  appraisedByName: text('appraised_by_name'),
  appraisedAt: timestamp('appraised_at', { withTimezone: true }),
  spentAmount: bigint('spent_amount', { mode: 'number' }),
  spentDocument: text('spent_document'),
  spentBy: text('spent_by'),
  spentByName: text('spent_by_name'),
  spentAt: timestamp('spent_at', { withTimezone: true }),
  createdBy: text('created_by'),
  createdByName: text('created_by_name'),
  version: integer('version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
