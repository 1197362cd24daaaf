// Client-safe vocabulary of international cooperation.
export const COOP_KINDS = [
  'study_visit',
  'delegation_sent',
  'delegation_received',
  'event_attended',
] as const;
export type CoopKind = (typeof COOP_KINDS)[number];
