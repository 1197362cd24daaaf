// Client-safe vocabulary of staff training.
export const ORGANISER_LEVELS = ['ministry', 'department', 'unit'] as const;
export type OrganiserLevel = (typeof ORGANISER_LEVELS)[number];
