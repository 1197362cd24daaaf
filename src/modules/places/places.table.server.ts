// Drizzle view of the places tables (migration 0011). Times are local 'HH:MM:SS' strings, days 'YYYY-MM-DD'.
import {
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { PlaceKind, PlaceStatus } from './places.kinds.ts';

/** A public image of the place with its text alternative (required: images must be described). */
export interface PlacePhoto {
  fileId: string;
  alt: string;
}

const tz = { withTimezone: true } as const;
const day = { mode: 'string' } as const;

export const places = pgTable('places', {
  id: text('id').primaryKey(),
  unitId: text('unit_id').notNull(),
  kind: text('kind').$type<PlaceKind>().notNull(),
  name: text('name').notNull(),
  district: text('district'),
  commune: text('commune'),
  address: text('address'),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  description: text('description'),
  accessibility: text('accessibility'),
  services: text('services').array().notNull().default([]),
  photos: jsonb('photos').$type<PlacePhoto[]>().notNull().default([]),
  status: text('status').$type<PlaceStatus>().notNull().default('active'),
  /** Optimistic version (0023): grows on every edit of the details, hours or exceptions. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const placeHours = pgTable(
  'place_hours',
  {
    placeId: text('place_id').notNull(),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.weekday, t.opens] })],
);

export const placeHoursExceptions = pgTable(
  'place_hours_exceptions',
  {
    placeId: text('place_id').notNull(),
    day: date('day', day).notNull(),
    closed: boolean('closed').notNull(),
    opens: time('opens'),
    closes: time('closes'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.day] })],
);

export const mobileLibraryRoutes = pgTable('mobile_library_routes', {
  id: text('id').primaryKey(),
  unitId: text('unit_id').notNull(),
  name: text('name').notNull(),
  vehicle: text('vehicle'),
  description: text('description'),
  status: text('status').$type<PlaceStatus>().notNull().default('active'),
  /** Optimistic version (0023): grows on every edit of the details, hours or exceptions. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export const mobileLibraryStops = pgTable('mobile_library_stops', {
  id: text('id').primaryKey(),
  routeId: text('route_id').notNull(),
  placeId: text('place_id').notNull(),
  weekday: smallint('weekday'),
  dates: date('dates', day).array().notNull().default([]),
  starts: time('starts').notNull(),
  ends: time('ends').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const mobileLibraryStopCancellations = pgTable(
  'mobile_library_stop_cancellations',
  {
    stopId: text('stop_id').notNull(),
    day: date('day', day).notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stopId, t.day] })],
);

export type PlaceRow = typeof places.$inferSelect;
export type MobileRouteRow = typeof mobileLibraryRoutes.$inferSelect;
