// Automatic award rules (pure): what a rule says and which period an award is for.
import { z } from 'zod';
import { EVENT_CATEGORIES } from '../events/events.vocab.ts';

export const AwardRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('events_attended'),
      category: z.enum(EVENT_CATEGORIES),
      count: z.number().int().min(1).max(365),
    })
    .strict(),
  z.object({ kind: z.literal('path_completed'), ref: z.string().regex(/^[\w-]{1,64}$/) }).strict(),
  z.object({ kind: z.literal('challenge_goal'), ref: z.string().regex(/^[\w-]{1,64}$/) }).strict(),
  z.object({ kind: z.literal('hours_in_year'), hours: z.number().int().min(1).max(2000) }).strict(),
]);
export type AwardRule = z.infer<typeof AwardRuleSchema>;

/** Calendar-year rules award once per learner and year; one-off rules (a path, a challenge) once ever. */
export function periodKey(rule: AwardRule, year: number): string {
  return rule.kind === 'events_attended' || rule.kind === 'hours_in_year' ? String(year) : 'once';
}

/** [from, to) of a calendar year in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function vietnamYear(year: number): { from: Date; to: Date } {
  return {
    from: new Date(Date.UTC(year, 0, 1) - 7 * 3_600_000),
    to: new Date(Date.UTC(year + 1, 0, 1) - 7 * 3_600_000),
  };
}
