// API shapes of places and mobile-library routes, and the schema.org JSON-LD of a place's public page.
import { z } from '@hono/zod-openapi';
import { schemaOrgType } from './places.kinds.ts';
import type { MobileRouteRow, StopView } from './places.mobile.repository.server.ts';
import type { RouteDetail } from './places.mobile.usecases.server.ts';
import type { PlaceListRow, PlaceRow } from './places.repository.server.ts';
import type { PlaceDetail } from './places.usecases.server.ts';

export const PlaceSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    kind: z.string(),
    name: z.string(),
    district: z.string().nullable(),
    commune: z.string().nullable(),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    accessibility: z.string().nullable(),
    services: z.array(z.string()),
    photos: z.array(z.object({ url: z.string(), alt: z.string() })),
    status: z.enum(['active', 'closed']),
    version: z.number().int(),
    updatedAt: z.string(),
    distanceKm: z.number().nullable().optional(),
  })
  .openapi('Place');

export const PlaceListSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    places: z.array(PlaceSchema),
  })
  .openapi('PlaceList');

const Interval = z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() });
const Exception = z.object({
  day: z.string(),
  closed: z.boolean(),
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  note: z.string().nullable(),
});

export const OccurrenceSchema = z
  .object({
    stopId: z.string(),
    placeId: z.string(),
    day: z.string(),
    weekday: z.number().int(),
    starts: z.string(),
    ends: z.string(),
    cancelled: z.boolean(),
    reason: z.string().nullable(),
  })
  .openapi('MobileLibraryStopOccurrence');

export const PlaceDetailSchema = z
  .object({
    place: PlaceSchema,
    openNow: z.enum(['open', 'closed', 'unknown']),
    weekly: z.array(Interval),
    exceptions: z.array(Exception),
    mobileLibraryVisits: z.array(OccurrenceSchema.extend({ routeId: z.string(), routeName: z.string() })),
  })
  .openapi('PlaceDetail');

export const RouteSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    vehicle: z.string().nullable(),
    description: z.string().nullable(),
    status: z.enum(['active', 'closed']),
    version: z.number().int(),
  })
  .openapi('MobileLibraryRoute');

export const StopSchema = z
  .object({
    id: z.string(),
    placeId: z.string(),
    placeName: z.string(),
    weekday: z.number().int().nullable(),
    dates: z.array(z.string()),
    starts: z.string(),
    ends: z.string(),
    note: z.string().nullable(),
  })
  .openapi('MobileLibraryStop');

export const RouteDetailSchema = z
  .object({ route: RouteSchema, stops: z.array(StopSchema), nextStops: z.array(OccurrenceSchema) })
  .openapi('MobileLibraryRouteDetail');

export const PHOTO_VARIANT = 'medium';

export function presentPlace(p: PlaceRow | PlaceListRow): z.infer<typeof PlaceSchema> {
  return {
    id: p.id,
    unitId: p.unitId,
    kind: p.kind,
    name: p.name,
    district: p.district,
    commune: p.commune,
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    phone: p.phone,
    email: p.email,
    website: p.website,
    description: p.description,
    accessibility: p.accessibility,
    services: p.services,
    photos: p.photos.map((ph) => ({ url: `/media/${ph.fileId}/${PHOTO_VARIANT}`, alt: ph.alt })),
    status: p.status,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    ...('distanceKm' in p
      ? { distanceKm: p.distanceKm === null ? null : Math.round(p.distanceKm * 100) / 100 }
      : {}),
  };
}

export function presentPlaceDetail(d: PlaceDetail): z.infer<typeof PlaceDetailSchema> {
  return {
    place: presentPlace(d.place),
    openNow: d.status.state,
    weekly: d.weekly,
    exceptions: d.exceptions,
    mobileLibraryVisits: d.visits,
  };
}

export function presentRoute(r: MobileRouteRow): z.infer<typeof RouteSchema> {
  return {
    id: r.id,
    unitId: r.unitId,
    name: r.name,
    vehicle: r.vehicle,
    description: r.description,
    status: r.status,
    version: r.version,
  };
}

export function presentStop(s: StopView): z.infer<typeof StopSchema> {
  return {
    id: s.id,
    placeId: s.placeId,
    placeName: s.placeName,
    weekday: s.weekday,
    dates: s.dates,
    starts: s.starts,
    ends: s.ends,
    note: s.note,
  };
}

export function presentRouteDetail(d: RouteDetail): z.infer<typeof RouteDetailSchema> {
  return {
    route: presentRoute(d.route),
    stops: d.stops.map(presentStop),
    nextStops: d.next.map(({ placeName: _n, placeCommune: _c, placeDistrict: _d, ...o }) => o),
  };
}

const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const SCHEMA_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** schema.org Library / Museum / CivicStructure / Place with address, geo and opening hours. */
export function placeJsonLd(d: PlaceDetail, canonical: string): Record<string, unknown> {
  const p = d.place;
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': schemaOrgType(p.kind),
    '@id': canonical,
    url: canonical,
    name: p.name,
    address: {
      '@type': 'PostalAddress',
      ...(p.address ? { streetAddress: p.address } : {}),
      addressLocality: [p.commune, p.district].filter(Boolean).join(', ') || undefined,
      addressRegion: 'Khánh Hòa',
      addressCountry: 'VN',
    },
  };
  if (p.description) ld.description = p.description;
  if (p.phone) ld.telephone = p.phone;
  if (p.email) ld.email = p.email;
  if (p.website) ld.sameAs = p.website;
  if (p.lat !== null && p.lng !== null)
    ld.geo = { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lng };
  if (p.photos.length)
    ld.image = p.photos.map((ph) => `${new URL(canonical).origin}/media/${ph.fileId}/large`);
  if (d.weekly.length) {
    ld.openingHoursSpecification = d.weekly.map((h) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `https://schema.org/${SCHEMA_DAYS[h.weekday - 1]}`,
      opens: h.opens,
      closes: h.closes,
    }));
    ld.openingHours = d.weekly.map((h) => `${DAY_CODES[h.weekday - 1]} ${h.opens}-${h.closes}`);
  }
  if (d.exceptions.length) {
    ld.specialOpeningHoursSpecification = d.exceptions.map((e) => ({
      '@type': 'OpeningHoursSpecification',
      validFrom: e.day,
      validThrough: e.day,
      ...(e.closed ? { opens: '00:00', closes: '00:00' } : { opens: e.opens, closes: e.closes }),
    }));
  }
  return ld;
}
