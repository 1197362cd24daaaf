// Input and output shapes of the units API (and the forms, which reuse the field rules).
import { z } from '@hono/zod-openapi';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { VersionSchema } from '../../lib/versions.server.ts';
import { UNIT_KINDS } from './units.kinds.ts';

export const UNIT_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const UNIT_ID_PATTERN = /^unit_[a-z2-9]{16}$/;

export const UnitCode = z
  .string()
  .trim()
  .regex(UNIT_CODE_PATTERN, 'lower-case letters a-z, digits and hyphens; starts with a letter or digit')
  .openapi({ example: 'thu-vien-xa-cam-lam' });
export const UnitId = z
  .string()
  .regex(UNIT_ID_PATTERN, 'a unit id (unit_…)')
  .openapi({ example: 'unit_abcdefghjkmnpqrs' });
export const UnitName = singleLineText({ min: 2, max: 300 });
export const UnitKindSchema = z.enum(UNIT_KINDS);
export const IsoDay = calendarDay(DAY_RANGES.history).openapi({ example: '2025-07-01' });
const Note = multiLineText({ max: 1000 });

export const CreateUnitSchema = z
  .strictObject({
    code: UnitCode,
    name: UnitName,
    shortName: singleLineText({ min: 1, max: 100 }).nullable().optional(),
    kind: UnitKindSchema,
    /** Null or absent: a new top-level unit (only administrators of every top-level unit). */
    parentId: UnitId.nullable().optional(),
    /** First day the unit operates; default today. */
    validFrom: IsoDay.optional(),
    note: Note.optional(),
  })
  .openapi('CreateUnit');
export type CreateUnitInput = z.infer<typeof CreateUnitSchema>;

export const UpdateUnitSchema = z
  .strictObject({
    name: UnitName.optional(),
    parentId: UnitId.nullable().optional(),
    effectiveOn: IsoDay.optional(),
    note: Note.optional(),
    version: VersionSchema,
  })
  .refine((v) => v.name !== undefined || v.parentId !== undefined, {
    message: 'give a new name, a new parentId, or both',
  })
  .openapi('UpdateUnit');
export type UpdateUnitInput = z.infer<typeof UpdateUnitSchema>;

export const MergeUnitSchema = z
  .strictObject({ intoId: UnitId, effectiveOn: IsoDay.optional(), note: Note.optional() })
  .openapi('MergeUnit');
export type MergeUnitInput = z.infer<typeof MergeUnitSchema>;

export const LifecycleSchema = z
  .strictObject({ effectiveOn: IsoDay.optional(), note: Note.optional() })
  .openapi('UnitLifecycleChange');
export type LifecycleInput = z.infer<typeof LifecycleSchema>;

export const TreeQuerySchema = z.strictObject({
  asOf: IsoDay.optional(),
  includeClosed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type TreeQuery = z.infer<typeof TreeQuerySchema>;

export const UnitParamsSchema = z.strictObject({
  unitId: UnitId.openapi({ param: { name: 'unitId', in: 'path' } }),
});

export const UnitStatusSchema = z.enum(['planned', 'active', 'closed', 'merged']);

export const UnitSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.string(),
    parentId: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    mergedIntoId: z.string().nullable(),
    status: UnitStatusSchema,
    /** Present where the unit is read whole (not in tree listings): send it back with a PATCH. */
    version: z.number().int().optional(),
  })
  .openapi('Unit');

export const TreeEntrySchema = UnitSchema.extend({ depth: z.number().int() }).openapi('UnitTreeEntry');

export const UnitTreeSchema = z
  .object({ asOf: z.string(), units: z.array(TreeEntrySchema) })
  .openapi('UnitTree');

export const UnitHistoryEntrySchema = z
  .object({
    change: z.enum(['create', 'rename', 'move', 'merge', 'absorb', 'close', 'reopen']),
    effectiveOn: z.string(),
    oldName: z.string().nullable(),
    newName: z.string().nullable(),
    oldParentId: z.string().nullable(),
    newParentId: z.string().nullable(),
    mergedIntoId: z.string().nullable(),
    mergedFromId: z.string().nullable(),
    note: z.string().nullable(),
    recordedAt: z.string(),
  })
  .openapi('UnitHistoryEntry');

export const UnitDetailSchema = z
  .object({ unit: UnitSchema, history: z.array(UnitHistoryEntrySchema) })
  .openapi('UnitDetail');
