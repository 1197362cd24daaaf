// Validation at the module's boundary (forms and API).
import { z } from 'zod';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { AwardRuleSchema } from './credentials.rules.ts';

const line = (min: number, max: number) => singleLineText({ min, max });
const text = (min: number, max: number) => multiLineText({ min, max });
const id = z.string().regex(/^[\w-]{1,64}$/);

export const AchievementInputSchema = z
  .object({
    unitId: id,
    nameVi: line(2, 200),
    nameEn: line(0, 200).default(''),
    criteriaVi: text(2, 4000),
    criteriaEn: text(0, 4000).default(''),
    imageAlt: line(2, 300),
    imageColor: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .default('#0b5394'),
    awardRule: AwardRuleSchema.nullable().default(null),
    validityMonths: z.number().int().min(1).max(600).nullable().default(null),
  })
  .strict();
export type AchievementInput = z.input<typeof AchievementInputSchema>;

/** An edit of an achievement's automatic award rule (null: manual award only), based on a loaded version. */
export const AwardRuleUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    awardRule: AwardRuleSchema.nullable(),
  })
  .strict();
export type AwardRuleUpdate = z.infer<typeof AwardRuleUpdateSchema>;

export const ManualAwardSchema = z
  .object({
    achievementId: id,
    recipientEmail: z.email().max(254),
    reason: text(2, 2000),
  })
  .strict();
export type ManualAwardInput = z.infer<typeof ManualAwardSchema>;

export const RevokeSchema = z.object({ reason: text(2, 2000) }).strict();
