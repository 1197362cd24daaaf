// Input and output shapes of the places API (the back-office forms reuse the input schemas).
import { z } from '@hono/zod-openapi';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { VersionSchema } from '../../lib/versions.server.ts';
import { PLACE_KINDS, PLACE_SERVICES, PLACE_STATUSES } from './places.kinds.ts';

export const PLACE_ID_PATTERN = /^place_[a-z2-9]{16}$/;
export const ROUTE_ID_PATTERN = /^route_[a-z2-9]{16}$/;
export const STOP_ID_PATTERN = /^stop_[a-z2-9]{16}$/;

export const PlaceId = z
  .string()
  .regex(PLACE_ID_PATTERN, 'a place id (place_…)')
  .openapi({ example: 'place_abcdefghjkmnpqrs' });
export const RouteId = z
  .string()
  .regex(ROUTE_ID_PATTERN, 'a route id (route_…)')
  .openapi({ example: 'route_abcdefghjkmnpqrs' });
export const StopId = z.string().regex(STOP_ID_PATTERN, 'a stop id (stop_…)');
const UnitId = z.string().regex(/^unit_[a-z2-9]{16}$/, 'a unit id (unit_…)');
export const IsoDay = calendarDay(DAY_RANGES.placeSchedule).openapi({ example: '2026-04-21' });
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:MM (24 h)')
  .openapi({ example: '07:30' });

// Staff text through the shared normalisation (src/lib/text.ts): names one line, descriptions multi-line.
const text = (min: number, max: number) => singleLineText({ min, max });
const optionalText = (max: number) => text(1, max).nullable().optional();
const optionalLongText = (max: number) => multiLineText({ min: 1, max }).nullable().optional();

export const PlaceKindSchema = z.enum(PLACE_KINDS);
const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);

const placeFields = {
  unitId: UnitId,
  kind: PlaceKindSchema,
  name: text(2, 300),
  district: optionalText(100),
  commune: optionalText(100),
  address: optionalText(300),
  lat: Latitude.nullable().optional(),
  lng: Longitude.nullable().optional(),
  phone: singleLineText({ max: 20 })
    .regex(/^\+?[0-9 .()-]{6,20}$/, 'a phone number')
    .nullable()
    .optional(),
  email: singleLineText({ max: 200 }).pipe(z.email()).nullable().optional(),
  website: singleLineText({ max: 500 })
    .pipe(z.url({ protocol: /^https?$/ }))
    .nullable()
    .optional(),
  description: optionalLongText(4000),
  accessibility: optionalLongText(2000),
  services: z.array(z.enum(PLACE_SERVICES)).max(PLACE_SERVICES.length).optional(),
  status: z.enum(PLACE_STATUSES).optional(),
};

const coordinatesPaired = (v: { lat?: number | null | undefined; lng?: number | null | undefined }) =>
  (v.lat === undefined) === (v.lng === undefined) && (v.lat === null) === (v.lng === null);
const pairMessage = { message: 'give both lat and lng, or neither', path: ['lat'] };

export const CreatePlaceSchema = z
  .strictObject(placeFields)
  .refine(coordinatesPaired, pairMessage)
  .openapi('CreatePlace');
export type CreatePlaceInput = z.infer<typeof CreatePlaceSchema>;

export const UpdatePlaceSchema = z
  .strictObject(placeFields)
  .partial()
  .extend({ version: VersionSchema })
  .refine(coordinatesPaired, pairMessage)
  .openapi('UpdatePlace');
export type UpdatePlaceInput = z.infer<typeof UpdatePlaceSchema>;

const after = (a: string, b: string) => a < b;

export const HoursIntervalSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), opens: LocalTime, closes: LocalTime })
  .refine((v) => after(v.opens, v.closes), { message: 'closes after it opens', path: ['closes'] });

export const WeeklyHoursSchema = z
  .strictObject({ weekly: z.array(HoursIntervalSchema).max(28) })
  .openapi('WeeklyHours');
/** Replacing the weekly hours names the place's version it was loaded with (a stale one → 409). */
export const SetWeeklyHoursSchema = WeeklyHoursSchema.extend({ version: VersionSchema }).openapi(
  'SetWeeklyHours',
);
export type WeeklyHoursInput = z.infer<typeof SetWeeklyHoursSchema>;

export const HoursExceptionSchema = z
  .strictObject({
    day: IsoDay,
    closed: z.boolean(),
    opens: LocalTime.nullable().optional(),
    closes: LocalTime.nullable().optional(),
    note: optionalText(300),
    /** The place's version; when given, a stale one is refused (409). */
    version: VersionSchema.optional(),
  })
  .refine(
    (v) => (v.closed ? !v.opens && !v.closes : Boolean(v.opens && v.closes && after(v.opens, v.closes))),
    {
      message: 'closed all day without times, or open with both times (closes after opens)',
      path: ['opens'],
    },
  )
  .openapi('HoursException');
export type HoursExceptionInput = z.infer<typeof HoursExceptionSchema>;

const routeFields = {
  unitId: UnitId,
  name: text(2, 300),
  vehicle: optionalText(100),
  description: optionalLongText(2000),
  status: z.enum(PLACE_STATUSES).optional(),
};
export const CreateRouteSchema = z.strictObject(routeFields).openapi('CreateMobileLibraryRoute');
export type CreateRouteInput = z.infer<typeof CreateRouteSchema>;
export const UpdateRouteSchema = z
  .strictObject(routeFields)
  .partial()
  .extend({ version: VersionSchema })
  .openapi('UpdateMobileLibraryRoute');
export type UpdateRouteInput = z.infer<typeof UpdateRouteSchema>;

export const CreateStopSchema = z
  .strictObject({
    placeId: PlaceId,
    weekday: z.number().int().min(1).max(7).nullable().optional(),
    dates: z.array(IsoDay).max(60).optional(),
    starts: LocalTime,
    ends: LocalTime,
    note: optionalText(300),
  })
  .refine((v) => (v.weekday != null) !== Boolean(v.dates?.length), {
    message: 'a weekday or a list of dates, not both',
    path: ['weekday'],
  })
  .refine((v) => after(v.starts, v.ends), { message: 'ends after it starts', path: ['ends'] })
  .openapi('CreateMobileLibraryStop');
export type CreateStopInput = z.infer<typeof CreateStopSchema>;

export const StopCancellationSchema = z
  .strictObject({ day: IsoDay, reason: text(2, 500) })
  .openapi('MobileLibraryStopCancellation');
export type StopCancellationInput = z.infer<typeof StopCancellationSchema>;

const Coordinate = singleLineText({ max: 20 })
  .regex(/^-?\d{1,3}([.,]\d{1,10})?$/)
  .transform((s) => Number(s.replace(',', '.')));

export const PlaceListQuerySchema = z
  .strictObject({
    q: singleLineText({ max: 200 }).optional(),
    kind: z.union([PlaceKindSchema, z.array(PlaceKindSchema).max(PLACE_KINDS.length)]).optional(),
    district: singleLineText({ max: 100 }).optional(),
    lat: Coordinate.pipe(Latitude).optional(),
    lng: Coordinate.pipe(Longitude).optional(),
    /** Near the centre of a commune/ward, named as the communes list names it ("Phường Lộc Thọ, Nha Trang"). */
    near: singleLineText({ max: 200 }).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), pairMessage);
export type PlaceListQuery = z.infer<typeof PlaceListQuerySchema>;

export const MapSettingsSchema = z
  .strictObject({
    /** A tile URL template such as https://tile.example.vn/{z}/{x}/{y}.png; null switches the map off. */
    tileUrl: singleLineText({ max: 500 })
      .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/[^\s"'<>]*$/i, 'an https URL')
      .refine((s) => s.includes('{z}') && s.includes('{x}') && s.includes('{y}'), 'contains {z}, {x} and {y}')
      .nullable(),
    attribution: optionalText(300),
    version: VersionSchema,
  })
  .openapi('PlacesMapSettings');
export type MapSettingsInput = z.infer<typeof MapSettingsSchema>;

export const PlaceParamsSchema = z.strictObject({
  placeId: PlaceId.openapi({ param: { name: 'placeId', in: 'path' } }),
});
export const RouteParamsSchema = z.strictObject({
  routeId: RouteId.openapi({ param: { name: 'routeId', in: 'path' } }),
});
export const StopParamsSchema = z.strictObject({
  routeId: RouteId.openapi({ param: { name: 'routeId', in: 'path' } }),
  stopId: StopId.openapi({ param: { name: 'stopId', in: 'path' } }),
});
export const ExceptionParamsSchema = z.strictObject({
  placeId: PlaceId.openapi({ param: { name: 'placeId', in: 'path' } }),
  day: IsoDay.openapi({ param: { name: 'day', in: 'path' } }),
});
