// Zod shapes of staff input for virtual exhibitions: strict objects, so unknown fields are refused.
import { z } from '@hono/zod-openapi';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { VersionSchema } from '../../lib/versions.server.ts';

const text = (max: number) => singleLineText({ min: 1, max });
// Empty optional texts are allowed and stored as absent (the use cases turn "" into null).
const optionalText = (max: number) => singleLineText({ max }).optional();
const optionalLongText = (max: number) => multiLineText({ max }).optional();
const day = calendarDay(DAY_RANGES.history);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ExhibitionInputSchema = z
  .strictObject({
    unitId: z.string().regex(/^[\w-]{1,64}$/),
    slug: z.string().trim().max(120).regex(SLUG_PATTERN).optional(),
    titleVi: text(300),
    titleEn: optionalText(300),
    summaryVi: optionalLongText(4000),
    summaryEn: optionalLongText(4000),
    startDate: day.optional(),
    endDate: day.optional(),
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    path: ['endDate'],
    message: 'end before start',
  })
  .openapi('ExhibitionInput');
export type ExhibitionInput = z.infer<typeof ExhibitionInputSchema>;

export const ExhibitionPatchSchema = z
  .strictObject({
    slug: z.string().trim().max(120).regex(SLUG_PATTERN).optional(),
    titleVi: text(300).optional(),
    titleEn: optionalText(300),
    summaryVi: optionalLongText(4000),
    summaryEn: optionalLongText(4000),
    startDate: day.optional(),
    endDate: day.optional(),
    version: z.number().int().positive(),
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    path: ['endDate'],
    message: 'end before start',
  })
  .openapi('ExhibitionPatch');
export type ExhibitionPatch = z.infer<typeof ExhibitionPatchSchema>;

export const SectionInputSchema = z
  .strictObject({
    headingVi: text(300),
    headingEn: optionalText(300),
    bodyVi: optionalLongText(20_000),
    bodyEn: optionalLongText(20_000),
  })
  .openapi('ExhibitionSectionInput');
export type SectionInput = z.infer<typeof SectionInputSchema>;
/** A section edit names the version it was loaded with. */
export const SectionEditSchema = SectionInputSchema.extend({ version: VersionSchema });
export type SectionEdit = z.infer<typeof SectionEditSchema>;

/** A catalogue object shown in a section (its own images and alt texts come with it). */
export const RecordItemInputSchema = z
  .strictObject({
    recordId: z
      .string()
      .trim()
      .regex(/^[\w-]{1,64}$/),
    captionVi: optionalLongText(2000),
    captionEn: optionalLongText(2000),
  })
  .openapi('ExhibitionRecordItemInput');
export type RecordItemInput = z.infer<typeof RecordItemInputSchema>;

/** Texts of an image (record page or exhibition section): the Vietnamese alt text is required. */
export const ImageTextSchema = z.strictObject({
  altVi: text(500),
  altEn: optionalText(500),
  captionVi: optionalLongText(2000),
  captionEn: optionalLongText(2000),
});
export type ImageText = z.infer<typeof ImageTextSchema>;

export const MoveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });
export type Direction = z.infer<typeof MoveSchema>['direction'];

export const ExhibitionStatusSchema = z.enum(['draft', 'published']);
export type ExhibitionStatus = z.infer<typeof ExhibitionStatusSchema>;
