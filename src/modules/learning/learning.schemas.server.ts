// Zod shapes of staff and learner input for learning paths and reading challenges: strict objects, so
// unknown fields are refused.
import { z } from '@hono/zod-openapi';
import { calendarDay, yearsAroundToday } from '../../lib/date-fields.server.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { COMPLETION_RULES, GOAL_KINDS, GROUP_KINDS, STEP_KINDS } from './learning.vocab.ts';

const id = z.string().regex(/^[\w-]{1,64}$/);
const challengeDay = calendarDay(yearsAroundToday(2, 5));

export const PathInputSchema = z.strictObject({
  unitId: id,
  title: singleLineText({ min: 1, max: 300 }),
  summary: multiLineText({ max: 4000 }),
  completionRule: z.enum(COMPLETION_RULES),
});
export type PathInput = z.infer<typeof PathInputSchema>;

export const PathUpdateSchema = PathInputSchema.extend({ version: z.number().int().min(1) });
export type PathUpdate = z.infer<typeof PathUpdateSchema>;

/** One step; which of the optional fields are needed depends on the kind (checked by the use case). */
export const StepInputSchema = z.strictObject({
  kind: z.enum(STEP_KINDS).exclude(['image']),
  title: singleLineText({ min: 1, max: 300 }),
  body: multiLineText({ max: 100_000 }),
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https:\/\/[^\s]+$/)
    .optional(),
  refId: id.optional(),
  required: z.boolean(),
  quizText: multiLineText({ max: 20_000 }).optional(),
  passMark: z.number().int().min(0).max(100).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
  version: z.number().int().min(1),
});
export type StepInput = z.infer<typeof StepInputSchema>;

export const ImageStepTextSchema = z.strictObject({
  title: singleLineText({ min: 1, max: 300 }),
  alt: singleLineText({ min: 1, max: 500 }),
  body: multiLineText({ max: 2000 }),
  required: z.boolean(),
  version: z.number().int().min(1),
});
export type ImageStepText = z.infer<typeof ImageStepTextSchema>;

export const ChallengeInputSchema = z
  .strictObject({
    unitId: id,
    title: singleLineText({ min: 1, max: 300 }),
    description: multiLineText({ max: 4000 }),
    startsOn: challengeDay,
    endsOn: challengeDay,
    goalKind: z.enum(GOAL_KINDS),
    goal: z.number().int().min(1).max(100_000),
    groupKind: z.enum(GROUP_KINDS).nullable(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'end before start' });
export type ChallengeInput = z.infer<typeof ChallengeInputSchema>;

export const JoinInputSchema = z.strictObject({
  groupName: singleLineText({ max: 120 }).optional(),
  leaderboardOptIn: z.boolean(),
});
export type JoinInput = z.infer<typeof JoinInputSchema>;

export const EntryInputSchema = z
  .strictObject({
    recordId: id.optional(),
    title: singleLineText({ max: 300 }).optional(),
    minutes: z.number().int().min(0).max(1440),
    readOn: calendarDay(yearsAroundToday(2, 1)),
  })
  .refine((v) => v.recordId || v.title, { path: ['title'], message: 'title or record' });
export type EntryInput = z.infer<typeof EntryInputSchema>;
