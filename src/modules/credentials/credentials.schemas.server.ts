// Validation at the module's boundary (forms and API).
import { z } from 'zod';
import { AwardRuleSchema } from './credentials.rules.ts';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const AchievementInputSchema = z
  .object({
    unitId: z.string().min(1).max(64),
    nameVi: text(2, 200),
    nameEn: z.string().trim().max(200).default(''),
    criteriaVi: text(2, 4000),
    criteriaEn: z.string().trim().max(4000).default(''),
    imageAlt: text(2, 300),
    imageColor: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .default('#0b5394'),
    awardRule: AwardRuleSchema.nullable().default(null),
    validityMonths: z.number().int().min(1).max(600).nullable().default(null),
  })
  .strict();
export type AchievementInput = z.input<typeof AchievementInputSchema>;

export const ManualAwardSchema = z
  .object({
    achievementId: z.string().min(1).max(64),
    recipientEmail: z.email().max(254),
    reason: text(2, 2000),
  })
  .strict();
export type ManualAwardInput = z.infer<typeof ManualAwardSchema>;

export const RevokeSchema = z.object({ reason: text(2, 2000) }).strict();
