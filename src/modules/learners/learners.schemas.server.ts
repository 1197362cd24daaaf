// What the profile and family forms may send (zod, strict: unknown fields refused). Never a national ID
// number or an ID image: the schema has no place for them.
import { z } from 'zod';
import { singleLineText } from '../../lib/text.server.ts';

export const INTEREST_MAX = 10;

const birthYear = z.coerce
  .number({ error: 'birthYear' })
  .int('birthYear')
  .min(1900, 'birthYear')
  .max(2200, 'birthYear');

export const ProfileInputSchema = z.strictObject({
  displayName: singleLineText({ min: 1, max: 120 }),
  birthYear,
  commune: singleLineText({ max: 120 }).nullable().optional(),
  /** Free words, comma-separated on the form. */
  interests: z
    .array(singleLineText({ min: 1, max: 40 }))
    .max(INTEREST_MAX)
    .default([]),
  preferredLanguage: z.enum(['vi', 'en']).default('vi'),
});
export type ProfileInput = z.input<typeof ProfileInputSchema>;

export const FamilyMemberSchema = ProfileInputSchema.extend({
  relation: z.enum(['child', 'parent', 'other']),
  /** Both must be ticked by the guardian on the form (never pre-ticked); required only when the rules say so. */
  guardianConsent: z.boolean().default(false),
  childConsent: z.boolean().default(false),
}).strict();
export type FamilyMemberInput = z.input<typeof FamilyMemberSchema>;

export const ConsentInputSchema = z.strictObject({
  guardianConsent: z.boolean().default(false),
  childConsent: z.boolean().default(false),
});

/** `đọc sách, lịch sử,  ` → `['đọc sách', 'lịch sử']`. */
export function splitInterests(raw: string): string[] {
  return raw
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
