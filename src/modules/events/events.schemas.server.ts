// Zod input and output shapes of the events API and use cases. Objects are strict: unknown fields are refused.
import { z } from '@hono/zod-openapi';
import { calendarDay, DAY_RANGES, instantWithin } from '../../lib/date-fields.server.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { VersionSchema } from '../../lib/versions.server.ts';
import {
  EVENT_AUDIENCES,
  EVENT_CATEGORIES,
  MAX_PARTY_SIZE,
  REGISTRATION_MODES,
} from './events.model.server.ts';

const isoDay = calendarDay(DAY_RANGES.event);
const queryDay = calendarDay(DAY_RANGES.eventQuery);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const id = z.string().regex(/^[\w-]{1,64}$/);
const instant = instantWithin(DAY_RANGES.event);

export const ScheduleSchema = z
  .strictObject({
    firstDate: isoDay.openapi({ description: 'Ngày (buổi) đầu, theo giờ Việt Nam', example: '2027-04-21' }),
    startTime: timeOfDay.openapi({ example: '08:00' }),
    endTime: timeOfDay.openapi({ description: 'Sớm hơn giờ bắt đầu = kết thúc hôm sau', example: '10:30' }),
    weekly: z
      .strictObject({
        weekdays: z
          .array(z.number().int().min(1).max(7))
          .max(7)
          .openapi({ description: '1 = thứ Hai … 7 = Chủ nhật' }),
        until: isoDay,
        exceptions: z.array(isoDay).max(100).default([]),
      })
      .nullable()
      .default(null),
  })
  .openapi('EventSchedule');

export const EventInputSchema = z
  .strictObject({
    unitId: id,
    title: singleLineText({ min: 1, max: 300 }),
    description: multiLineText({ max: 10_000 }).default(''),
    category: z.enum(EVENT_CATEGORIES),
    audience: z.array(z.enum(EVENT_AUDIENCES)).max(EVENT_AUDIENCES.length).default([]),
    placeId: id.nullable().default(null),
    onlineUrl: singleLineText({ max: 500 })
      .pipe(z.url({ protocol: /^https?$/ }))
      .nullable()
      .default(null),
    capacity: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .nullable()
      .default(null)
      .openapi({ description: 'null = không giới hạn' }),
    registrationMode: z.enum(REGISTRATION_MODES).default('series'),
    registrationOpensAt: instant.nullable().default(null),
    registrationClosesAt: instant.nullable().default(null),
    priceVnd: z.number().int().min(0).max(100_000_000).default(0),
    organiserContact: singleLineText({ max: 300 }).default(''),
    planInstanceId: id.nullable().default(null),
    status: z.enum(['draft', 'published']).default('draft'),
    schedule: ScheduleSchema,
  })
  .openapi('EventInput');
export type EventInput = z.infer<typeof EventInputSchema>;

/** An edit: the whole event plus the version it was loaded with (a stale one → 409). */
export const EventUpdateSchema = EventInputSchema.extend({ version: VersionSchema }).openapi('EventUpdate');
export type EventUpdate = z.infer<typeof EventUpdateSchema>;

export const RegistrationInputSchema = z
  .strictObject({
    sessionId: id
      .nullable()
      .default(null)
      .openapi({ description: 'Buổi cụ thể khi sự kiện đăng ký theo buổi' }),
    name: singleLineText({ min: 1, max: 120 })
      .optional()
      .openapi({ description: 'Bắt buộc với khách chưa đăng nhập' }),
    phone: singleLineText({ max: 30 }).nullable().default(null),
    email: singleLineText({ max: 254 }).pipe(z.email()).nullable().default(null),
    partySize: z.number().int().min(1).max(MAX_PARTY_SIZE).default(1),
    learnerId: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .nullable()
      .optional()
      .openapi({ description: 'Người trong gia đình mà tài khoản quản lý (mặc định: người đang dùng)' }),
    consent: z.boolean().default(false).openapi({ description: 'Khách đồng ý với điều khoản dữ liệu' }),
    idempotencyKey: z
      .string()
      .regex(/^[\w-]{8,100}$/)
      .openapi({ description: 'Gửi lại cùng khóa = cùng một đăng ký' }),
  })
  .openapi('RegistrationInput');
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

export const CheckInInputSchema = z
  .strictObject({ sessionId: id, code: singleLineText({ min: 1, max: 300 }) })
  .openapi('CheckInInput');
export type CheckInInput = z.infer<typeof CheckInInputSchema>;

export const WalkInInputSchema = z.strictObject({
  sessionId: id,
  name: singleLineText({ max: 120 }).default(''),
  partySize: z.number().int().min(1).max(200).default(1),
});
export type WalkInInput = z.infer<typeof WalkInInputSchema>;

export const FeedbackInputSchema = z.strictObject({
  token: z.string().regex(/^[\w-]{10,200}$/),
  rating: z.number().int().min(1).max(5),
  comment: multiLineText({ max: 2000 }).default(''),
});
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;

export const PublicListQuerySchema = z.strictObject({
  from: queryDay.optional().openapi({ description: 'Từ ngày (mặc định hôm nay)' }),
  to: queryDay.optional().openapi({ description: 'Đến ngày (bao gồm)' }),
  day: queryDay.optional().openapi({ description: 'Một ngày cụ thể' }),
  category: z.enum(EVENT_CATEGORIES).optional(),
  audience: z.enum(EVENT_AUDIENCES).optional(),
  place: id.optional(),
  unit: id.optional(),
  free: z.enum(['true']).optional(),
  seats: z.enum(['true']).optional(),
  q: singleLineText({ min: 1, max: 200 }).optional(),
});
export type PublicListQuery = z.infer<typeof PublicListQuerySchema>;

export const EventParamsSchema = z.strictObject({
  eventId: id.openapi({ param: { name: 'eventId', in: 'path' }, example: 'evt_abcdefghijkmnpqr' }),
});

const PlaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
  })
  .openapi('EventPlace');

export const SessionSchema = z
  .object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    cancelled: z.boolean(),
    seatsLeft: z.number().int().nullable().openapi({ description: 'null = không giới hạn' }),
  })
  .openapi('EventSession');

export const EventSchema = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }),
    title: z.string(),
    description: z.string(),
    category: z.enum(EVENT_CATEGORIES),
    audience: z.array(z.string()),
    place: PlaceSchema.nullable(),
    onlineUrl: z.string().nullable(),
    timeZone: z.string(),
    capacity: z.number().int().nullable(),
    registrationMode: z.enum(REGISTRATION_MODES),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    priceVnd: z.number().int(),
    organiserContact: z.string(),
    status: z.string(),
    source: z.string(),
    url: z.string().nullable(),
    version: z.number().int(),
    sessions: z.array(SessionSchema),
  })
  .openapi('Event');
export type EventDto = z.infer<typeof EventSchema>;

export const EventListSchema = z
  .object({
    sessions: z.array(
      z.object({
        sessionId: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
        cancelled: z.boolean(),
        seatsLeft: z.number().int().nullable(),
        event: z.object({
          id: z.string(),
          title: z.string(),
          category: z.string(),
          unitName: z.string(),
          placeName: z.string().nullable(),
          priceVnd: z.number().int(),
        }),
      }),
    ),
  })
  .openapi('EventList');

export const RegistrationSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    sessionId: z.string().nullable(),
    status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
    partySize: z.number().int(),
    waitlistPosition: z.number().int().nullable(),
    ticketCode: z.string(),
    ticketUrl: z.string(),
  })
  .openapi('Registration');

export const CheckInResultSchema = z
  .object({
    registrationId: z.string(),
    name: z.string(),
    partySize: z.number().int(),
    checkedInAt: z.string(),
  })
  .openapi('CheckInResult');
