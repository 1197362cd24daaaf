// Zod shapes of staff input for virtual exhibitions: strict objects, so unknown fields are refused.
import { z } from '@hono/zod-openapi';

const text = (max: number) => z.string().trim().min(1).max(max);
// Empty optional texts are allowed and stored as absent (the use cases turn "" into null).
const optionalText = (max: number) => z.string().trim().max(max).optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ExhibitionInputSchema = z
  .strictObject({
    unitId: z.string().min(1).max(64),
    slug: z.string().trim().max(120).regex(SLUG_PATTERN).optional(),
    titleVi: text(300),
    titleEn: optionalText(300),
    summaryVi: optionalText(4000),
    summaryEn: optionalText(4000),
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
    summaryVi: optionalText(4000),
    summaryEn: optionalText(4000),
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
    bodyVi: optionalText(20_000),
    bodyEn: optionalText(20_000),
  })
  .openapi('ExhibitionSectionInput');
export type SectionInput = z.infer<typeof SectionInputSchema>;

/** A catalogue object shown in a section (its own images and alt texts come with it). */
export const RecordItemInputSchema = z
  .strictObject({
    recordId: z.string().trim().min(1).max(64),
    captionVi: optionalText(2000),
    captionEn: optionalText(2000),
  })
  .openapi('ExhibitionRecordItemInput');
export type RecordItemInput = z.infer<typeof RecordItemInputSchema>;

/** Texts of an image (record page or exhibition section): the Vietnamese alt text is required. */
export const ImageTextSchema = z.strictObject({
  altVi: text(500),
  altEn: optionalText(500),
  captionVi: optionalText(2000),
  captionEn: optionalText(2000),
});
export type ImageText = z.infer<typeof ImageTextSchema>;

export const MoveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });
export type Direction = z.infer<typeof MoveSchema>['direction'];

export const ExhibitionStatusSchema = z.enum(['draft', 'published']);
export type ExhibitionStatus = z.infer<typeof ExhibitionStatusSchema>;
