import { z } from '@hono/zod-openapi';
import { yearWithin } from '../../../lib/date-fields.server.ts';
import { MAX_VND_AMOUNT } from '../../../lib/money.ts';
import { multiLineText, singleLineText } from '../../../lib/text.server.ts';
import { PROGRAM_YEARS } from '../plan.model.ts';
import { BUDGET_SOURCES } from './budget.table.server.ts';

const Amount = z
  .number()
  .int()
  .min(0)
  .max(MAX_VND_AMOUNT)
  .openapi({ description: 'Số tiền, đồng (số nguyên, 0 … 1.000.000.000.000)', example: 25_000_000 });
const Version = z.number().int().positive().openapi({ description: 'Phiên bản đã đọc (khóa lạc quan)' });
const Id = z.string().regex(/^[\w-]{1,64}$/);

export const BudgetQuerySchema = z.strictObject({
  year: z.coerce.number().pipe(yearWithin(PROGRAM_YEARS.from, PROGRAM_YEARS.to)).optional(),
  unit: singleLineText({ min: 1, max: 64 }).optional().openapi({ description: 'Mã hoặc id đơn vị' }),
  instanceId: Id.optional(),
  taskId: Id.optional(),
  source: z.enum(BUDGET_SOURCES).optional(),
});
export type BudgetQuery = z.infer<typeof BudgetQuerySchema>;

export const CreateBudgetLineSchema = z
  .strictObject({
    instanceId: Id,
    unitId: Id,
    content: singleLineText({ min: 1, max: 500 }),
    amount: Amount,
    source: z.enum(BUDGET_SOURCES),
  })
  .openapi('PlanBudgetLineCreate');
export type CreateBudgetLineInput = z.infer<typeof CreateBudgetLineSchema>;

export const UpdateBudgetLineSchema = z
  .strictObject({
    version: Version,
    content: singleLineText({ min: 1, max: 500 }),
    amount: Amount,
    source: z.enum(BUDGET_SOURCES),
  })
  .openapi('PlanBudgetLineUpdate');
export type UpdateBudgetLineInput = z.infer<typeof UpdateBudgetLineSchema>;

export const AppraiseBudgetLineSchema = z
  .strictObject({
    version: Version,
    approvedAmount: Amount,
    comment: multiLineText({ max: 1000 }).optional(),
  })
  .openapi('PlanBudgetAppraisal');
export type AppraiseBudgetLineInput = z.infer<typeof AppraiseBudgetLineSchema>;

export const RecordSpendingSchema = z
  .strictObject({
    version: Version,
    spentAmount: Amount,
    document: singleLineText({ min: 1, max: 300 }).openapi({
      description: 'Số, ngày chứng từ (vd. “Giấy rút dự toán số 12/GRDT ngày 05/6/2025”)',
    }),
  })
  .openapi('PlanBudgetSpending');
export type RecordSpendingInput = z.infer<typeof RecordSpendingSchema>;

export const DeleteBudgetQuerySchema = z.strictObject({ version: z.coerce.number().int().positive() });

export const BudgetLineParamsSchema = z.strictObject({
  lineId: Id.openapi({ param: { name: 'lineId', in: 'path' }, example: 'bud_abcdefghijkmnpqr' }),
});

const Sums = {
  lines: z.number().int(),
  estimated: z.number().int(),
  approved: z.number().int(),
  spent: z.number().int(),
};

export const BudgetLineSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    year: z.number().int(),
    task: z.object({
      id: z.string(),
      phase: z.string(),
      section: z.string(),
      number: z.number().int(),
      content: z.string(),
    }),
    unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    content: z.string(),
    amount: z.number().int(),
    source: z.enum(BUDGET_SOURCES),
    appraisal: z
      .object({
        approvedAmount: z.number().int(),
        comment: z.string().nullable(),
        by: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    spending: z
      .object({
        spentAmount: z.number().int(),
        document: z.string(),
        by: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    version: z.number().int(),
  })
  .openapi('PlanBudgetLine');
export type BudgetLineDto = z.infer<typeof BudgetLineSchema>;

export const BudgetTotalsSchema = z
  .object({
    all: z.object(Sums),
    byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), ...Sums })),
    bySource: z.array(z.object({ source: z.enum(BUDGET_SOURCES), ...Sums })),
    byYear: z.array(z.object({ year: z.number().int(), ...Sums })),
  })
  .openapi('PlanBudgetTotals');

export const BudgetListSchema = z
  .object({ lines: z.array(BudgetLineSchema), totals: BudgetTotalsSchema })
  .openapi('PlanBudgetList');
