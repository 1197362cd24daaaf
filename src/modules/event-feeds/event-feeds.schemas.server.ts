import { z } from 'zod';
import { calendarDay, calendarMonth, DAY_RANGES, yearWithin } from '../../lib/date-fields.server.ts';
import { singleLineText } from '../../lib/text.server.ts';
import { EVENT_CATEGORIES } from '../events/events.model.server.ts';

const id = z
  .string()
  .trim()
  .regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);

export const SubscriptionInputSchema = z
  .object({
    unitId: id,
    name: singleLineText({ min: 2, max: 200 }),
    url: singleLineText({ max: 2000 })
      .pipe(z.url())
      .refine((u) => /^https?:\/\//i.test(u), { message: 'http or https only' }),
    category: z.enum(EVENT_CATEGORIES).default('other'),
  })
  .strict();
export type SubscriptionInput = z.infer<typeof SubscriptionInputSchema>;

export const AllowedHostInputSchema = z
  .object({
    pattern: singleLineText({ min: 1, max: 253 }),
    note: singleLineText({ max: 300 }).optional(),
  })
  .strict();
export type AllowedHostInput = z.infer<typeof AllowedHostInputSchema>;

export const CalendarQuerySchema = z
  .object({
    month: calendarMonth(DAY_RANGES.eventQuery).optional(),
    day: calendarDay(DAY_RANGES.eventQuery).optional(),
    category: z.enum(EVENT_CATEGORIES).optional(),
  })
  .strict();

export const CommemorativeQuerySchema = z
  .object({ year: z.coerce.number().pipe(yearWithin(2023, 2035)) })
  .strict();
