import { z } from '@hono/zod-openapi';
import { yearWithin } from '../../lib/date-fields.server.ts';
import { singleLineText } from '../../lib/text.server.ts';
import { PLAN_PHASES, PLAN_SECTIONS, PROGRAM_YEARS } from './plan.model.ts';

export const PlanTaskQuerySchema = z.strictObject({
  phase: z.enum(PLAN_PHASES).optional().openapi({ description: 'Giai đoạn (phụ lục)' }),
  section: z.enum(PLAN_SECTIONS).optional().openapi({ description: 'Mục (I–VII)' }),
  unit: singleLineText({ min: 1, max: 64 })
    .optional()
    .openapi({ description: 'Mã hoặc id đơn vị thực hiện/phối hợp (vd. thu-vien-tinh)' }),
  year: z.coerce
    .number()
    .pipe(yearWithin(PROGRAM_YEARS.from, PROGRAM_YEARS.to))
    .optional()
    .openapi({ description: 'Năm có nhiệm vụ' }),
  q: singleLineText({ min: 1, max: 200 })
    .optional()
    .openapi({ description: 'Tìm trong nội dung, sản phẩm; không phân biệt dấu' }),
  status: z
    .enum(['not_started', 'in_progress', 'done', 'not_done'])
    .optional()
    .openapi({ description: 'Có năm thực hiện ở trạng thái này' }),
  overdue: z
    .enum(['1', 'true'])
    .transform(() => true)
    .optional()
    .openapi({ description: 'Có năm thực hiện đã quá hạn mà chưa hoàn thành' }),
});
export type PlanTaskQuery = z.infer<typeof PlanTaskQuerySchema>;

/** The list's filters and its page (issue 17: the list comes a page at a time). */
export const PlanTaskPageQuerySchema = PlanTaskQuerySchema.extend({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .openapi({ description: 'Trang, từ 1 (mặc định 1)' }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Số nhiệm vụ mỗi trang (mặc định 10, tối đa 100)' }),
});

export const PlanTaskParamsSchema = z.strictObject({
  taskId: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .openapi({ param: { name: 'taskId', in: 'path' }, example: 'task_abcdefghijkmnpqr' }),
});

const UnitRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() }).openapi('PlanUnitRef');

const TimeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('range'), from: z.number().int(), to: z.number().int() }),
    z.object({ kind: z.literal('year'), year: z.number().int() }),
    z.object({ kind: z.literal('yearly') }),
    z.object({ kind: z.literal('unspecified') }),
  ])
  .openapi('PlanTaskTime');

const UnitsCellSchema = z.object({
  units: z.array(UnitRefSchema),
  groups: z.array(z.string()).openapi({ description: 'Nhóm đơn vị không phải một đơn vị cụ thể' }),
  text: z.string().openapi({ description: 'Nguyên văn ô trong phụ lục' }),
});

export const PlanTaskInstanceSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    dueDate: z.string().nullable(),
    status: z.string(),
    yearInferred: z.boolean().openapi({ description: 'Năm suy ra từ giai đoạn vì nguồn để trống thời gian' }),
  })
  .openapi('PlanTaskInstance');

export const PlanTaskSchema = z
  .object({
    id: z.string(),
    sourceKey: z.string().nullable(),
    origin: z.enum(['source', 'added']),
    phase: z.enum(PLAN_PHASES),
    section: z.enum(PLAN_SECTIONS),
    sectionTitle: z.string(),
    number: z.number().int(),
    content: z.string(),
    product: z.string(),
    lead: UnitsCellSchema,
    coordinating: UnitsCellSchema,
    timeText: z.string(),
    time: TimeSchema,
    instances: z.array(PlanTaskInstanceSchema),
  })
  .openapi('PlanTask');
export type PlanTaskDto = z.infer<typeof PlanTaskSchema>;

export const PlanTaskListSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Số nhiệm vụ phù hợp bộ lọc, trên mọi trang' }),
    page: z.number().int(),
    pageSize: z.number().int(),
    pages: z.number().int().openapi({ description: 'Số trang (ít nhất 1)' }),
    tasks: z.array(PlanTaskSchema).openapi({ description: 'Nhiệm vụ của trang này, theo thứ tự kế hoạch' }),
  })
  .openapi('PlanTaskList');
export type PlanTaskList = z.infer<typeof PlanTaskListSchema>;
