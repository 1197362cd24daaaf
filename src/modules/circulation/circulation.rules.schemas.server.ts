// The loan-rules form as the rules page posts it: every field a number in its range, no unknown fields.
import { z } from 'zod';
import { ITEM_KINDS } from './circulation.vocab.ts';

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const RULE_KINDS = ['*', ...ITEM_KINDS] as const;

export const LoanRuleFormSchema = z.strictObject({
  itemKind: z.enum(RULE_KINDS),
  loanDays: whole(1, 365),
  maxItems: whole(0, 200),
  maxRenewals: whole(0, 20),
  holdsAllowed: z.boolean(),
  holdShelfDays: whole(1, 60),
  remindDaysBefore: whole(0, 30),
  /** Empty: never block. */
  blockWhenOverdueDays: whole(0, 365).nullable(),
  finesEnabled: z.boolean(),
  finePerDayVnd: whole(0, 1_000_000),
  /** The version the form was loaded with; empty when the unit had no rule of its own for this kind. */
  version: whole(1, 1_000_000).nullable(),
});
export type LoanRuleForm = z.infer<typeof LoanRuleFormSchema>;
