import { z } from 'zod';
import { EVENT_CATEGORIES } from '../events/events.model.ts';

const id = z
  .string()
  .trim()
  .regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);

export const SubscriptionInputSchema = z
  .object({
    unitId: id,
    name: z.string().trim().min(2).max(200),
    url: z
      .string()
      .trim()
      .max(2000)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), { message: 'http or https only' }),
    category: z.enum(EVENT_CATEGORIES).default('other'),
  })
  .strict();
export type SubscriptionInput = z.infer<typeof SubscriptionInputSchema>;

export const AllowedHostInputSchema = z
  .object({
    pattern: z.string().trim().min(1).max(253),
    note: z.string().trim().max(300).optional(),
  })
  .strict();
export type AllowedHostInput = z.infer<typeof AllowedHostInputSchema>;

export const CalendarQuerySchema = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    day: z.iso.date().optional(),
    category: z.enum(EVENT_CATEGORIES).optional(),
  })
  .strict();

export const CommemorativeQuerySchema = z
  .object({ year: z.coerce.number().int().min(2023).max(2035) })
  .strict();
