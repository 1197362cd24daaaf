// Zod inputs and outputs of the plan's live work (pages and /api/v1/plan/instances/…). Strict: unknown
// fields are refused.
import { z } from '@hono/zod-openapi';
import { calendarDay, DAY_RANGES } from '../../../lib/date-fields.server.ts';
import { ID_PATTERN } from '../../../lib/ids.server.ts';
import { multiLineText, singleLineText } from '../../../lib/text.server.ts';
import { RECORD_TYPES, REPORT_STATES, REPORT_STATUSES } from './work.repository.server.ts';

export const IdSchema = z.string().regex(ID_PATTERN);
const isoDay = calendarDay(DAY_RANGES.plan);

export const InstanceParamsSchema = z.strictObject({
  instanceId: IdSchema.openapi({
    param: { name: 'instanceId', in: 'path' },
    example: 'ins_abcdefghijkmnpqr',
  }),
});
export const UnitPartParamsSchema = InstanceParamsSchema.extend({
  unitId: IdSchema.openapi({ param: { name: 'unitId', in: 'path' }, example: 'unit_abcdefghijkmnpqr' }),
});
export const EvidenceParamsSchema = UnitPartParamsSchema.extend({
  evidenceId: IdSchema.openapi({
    param: { name: 'evidenceId', in: 'path' },
    example: 'evd_abcdefghijkmnpqr',
  }),
});

export const ProgressSchema = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(0)
    .openapi({ description: 'Phiên bản đã đọc; 0 khi đơn vị chưa có báo cáo' }),
  status: z.enum(REPORT_STATUSES),
  statusReason: multiLineText({ max: 2000 }).optional(),
  percent: z.coerce.number().int().min(0).max(100),
  narrative: multiLineText({ max: 10_000 }),
});
export type ProgressBody = z.infer<typeof ProgressSchema>;

export const TransitionSchema = z.strictObject({
  version: z.coerce.number().int().min(0),
  comment: multiLineText({ max: 2000 }).optional(),
});

export const AssignSchema = z.strictObject({
  assigneeId: IdSchema.nullable().openapi({ description: 'Người phụ trách; null để bỏ giao' }),
  version: z.number().int().min(0).openapi({ description: 'Phiên bản báo cáo đã đọc (0: chưa có báo cáo)' }),
});

export const DueDateSchema = z.strictObject({
  dueDate: isoDay.openapi({ example: '2026-11-30' }),
  version: z.number().int().min(1).openapi({ description: 'Phiên bản năm thực hiện đã đọc' }),
});

export const CommentSchema = z.strictObject({ comment: multiLineText({ min: 1, max: 2000 }) });

const httpUrl = singleLineText({ max: 2000 })
  .pipe(z.url())
  .refine((u) => /^https?:\/\//i.test(u), { message: 'http(s) only' });

export const LinkEvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('link'), title: singleLineText({ min: 1, max: 300 }), url: httpUrl }),
  z.strictObject({
    kind: z.literal('record'),
    title: singleLineText({ min: 1, max: 300 }),
    recordType: z.enum(RECORD_TYPES),
    recordId: IdSchema,
  }),
]);
export type LinkEvidenceBody = z.infer<typeof LinkEvidenceSchema>;

export const ReportSchema = z
  .object({
    id: z.string().nullable(),
    unit: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      role: z.enum(['lead', 'coordinating']),
    }),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    status: z.enum(REPORT_STATUSES),
    statusReason: z.string().nullable(),
    percent: z.number().int(),
    narrative: z.string(),
    state: z.enum(REPORT_STATES),
    returnComment: z.string().nullable(),
    version: z.number().int(),
    evidence: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['file', 'link', 'record']),
        title: z.string(),
        url: z.string().nullable(),
        recordType: z.string().nullable(),
        recordId: z.string().nullable(),
        mime: z.string().nullable(),
        size: z.number().nullable(),
      }),
    ),
  })
  .openapi('PlanUnitReport');
export type ReportDto = z.infer<typeof ReportSchema>;

export const InstanceSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    year: z.number().int(),
    dueDate: z.string().nullable(),
    version: z.number().int(),
    status: z.string(),
    reports: z.array(ReportSchema),
    timeline: z.array(
      z.object({
        at: z.string(),
        kind: z.string(),
        unitId: z.string().nullable(),
        fromState: z.string().nullable(),
        toState: z.string().nullable(),
        comment: z.string().nullable(),
        actor: z.string().nullable(),
      }),
    ),
  })
  .openapi('PlanInstance');
export type InstanceDto = z.infer<typeof InstanceSchema>;
