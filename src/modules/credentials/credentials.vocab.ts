// Client-safe vocabulary of the credentials module.

/** Kinds of automatic award rule. Only `events_attended` has an input today; the learning-record, paths and
 * challenges modules plug theirs in (registerAwardInput in credentials.engine.server.ts) for the others. */
export const AWARD_RULE_KINDS = [
  'events_attended',
  'path_completed',
  'challenge_goal',
  'hours_in_year',
] as const;
export type AwardRuleKind = (typeof AWARD_RULE_KINDS)[number];

/** The kinds staff can choose in the back office: those the platform evaluates today. */
export const CHOOSABLE_RULE_KINDS = ['events_attended', 'path_completed'] as const satisfies AwardRuleKind[];

export const VERIFICATION_STATUSES = ['valid', 'revoked', 'expired', 'tampered', 'unknown-issuer'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
