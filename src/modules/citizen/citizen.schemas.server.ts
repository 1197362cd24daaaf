// Validation at the module's boundary: a year's scheme (administrators), a self-assessment, a review.
import { z } from 'zod';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { CRITERION_SOURCES } from './citizen.scheme.ts';

const label = singleLineText({ min: 1, max: 200 });
const id = z.string().regex(/^[\w-]{1,64}$/);

export const CriterionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/),
    labelVi: label,
    labelEn: label,
    source: z.enum(CRITERION_SOURCES),
    pointsPerUnit: z.number().min(0).max(100),
    max: z.number().int().min(0).max(100),
    min: z.number().int().min(0).max(100),
    pathIds: z.array(id).max(200).optional(),
  })
  .strict()
  .refine((c) => c.min <= c.max, { message: 'min > max', path: ['min'] });

export const SchemeSchema = z
  .object({
    criteria: z
      .array(CriterionSchema)
      .min(1)
      .max(20)
      .refine((cs) => cs.reduce((s, c) => s + c.max, 0) === 100, { message: 'maxima must sum to 100' })
      .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, { message: 'duplicate key' })
      .refine((cs) => cs.filter((c) => c.source === 'manual').length <= 1, {
        message: 'one manual criterion',
      }),
    passTotal: z.number().int().min(1).max(100),
  })
  .strict();

export const SubmitAssessmentSchema = z
  .object({
    unitId: id,
    commune: singleLineText({ min: 1, max: 120 }),
    manualEvidence: multiLineText({ max: 4000 }).default(''),
  })
  .strict();
export type SubmitAssessmentInput = z.input<typeof SubmitAssessmentSchema>;

export const ReviewSchema = z
  .object({
    decision: z.enum(['recognised', 'rejected']),
    manualPoints: z.coerce.number().int().min(0).max(100),
    achievementId: z.string().regex(/^[\w-]{0,64}$/),
    note: multiLineText({ max: 4000 }).default(''),
  })
  .strict();
export type ReviewInput = z.input<typeof ReviewSchema>;
