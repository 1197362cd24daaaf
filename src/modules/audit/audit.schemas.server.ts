import { z } from '@hono/zod-openapi';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { singleLineText } from '../../lib/text.server.ts';

export const AuditQuerySchema = z.strictObject({
  actor: singleLineText({ max: 64 }).optional(),
  action: singleLineText({ max: 120 }).optional(),
  entityType: singleLineText({ max: 60 }).optional(),
  entity: singleLineText({ max: 64 }).optional(),
  unit: singleLineText({ max: 64 }).optional(),
  from: calendarDay(DAY_RANGES.audit).optional(),
  to: calendarDay(DAY_RANGES.audit).optional(),
  q: singleLineText({ max: 200 }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    seq: z.number(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    unitId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().nullable() })
  .openapi('AuditPage');
