import { z } from 'zod';
import { EVENT_CATEGORIES } from '../events/events.model.server.ts';

const id = z
  .string()
  .trim()
  .regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);

export const FollowInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), target: id }).strict(),
  z.object({ kind: z.literal('place'), target: id }).strict(),
  z.object({ kind: z.literal('category'), target: z.enum(EVENT_CATEGORIES) }).strict(),
]);
export type FollowInput = z.infer<typeof FollowInputSchema>;
