import { z } from '@hono/zod-openapi';

const sensibleYear = (d: string) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100;

export const AuditQuerySchema = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(120).optional(),
  entityType: z.string().max(60).optional(),
  entity: z.string().max(64).optional(),
  unit: z.string().max(64).optional(),
  from: z.iso.date().refine(sensibleYear, 'năm 2000–2100').optional(),
  to: z.iso.date().refine(sensibleYear, 'năm 2000–2100').optional(),
  q: z.string().max(200).optional(),
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
