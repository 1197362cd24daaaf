// The mobile-library van's route pack (docs/circulation.md, "Offline mode"): what the van page carries so staff
// can work at a stop with no network — the unit's readers, the copies on board, the holds to hand over at the
// route's stops, and the day's events at those stops with their tickets (for the offline check-in island).
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import { offlineCheckInSessions } from '../events/index.server.ts';
import { mobileRouteStops } from '../places/index.server.ts';
import type { CirculationDeps } from './circulation.desk.usecases.server.ts';

const DAY = 86_400_000;

export interface VanHold {
  holdId: string;
  card: string;
  readerName: string;
  barcode: string;
  title: string;
  stopName: string | null;
  status: 'ready' | 'in_transit';
}

export interface VanEvent {
  eventId: string;
  sessionId: string;
  title: string;
  placeName: string;
  startsAt: string;
  endsAt: string;
  tickets: Array<{ code: string; name: string; partySize: number }>;
}

export interface VanPack {
  readers: Array<{ card: string; name: string; blocked: boolean }>;
  items: Array<{ barcode: string; status: string }>;
  holds: VanHold[];
  events: VanEvent[];
  /** The day (Asia/Ho_Chi_Minh, YYYY-MM-DD) whose events are in the pack. */
  day: string;
}

/** The pack for a unit's van on one of its routes (or the unit's own copies without a route), for `day`. */
export async function vanPack(
  deps: CirculationDeps,
  actor: Actor,
  unitId: string,
  routeId: string | null,
  day: string = isoDateInVietnam(deps.now()),
): Promise<VanPack> {
  authorize(actor, 'circulation.desk', { unitId });
  const repos = deps.repos;
  const readers = await repos.circulation.readersOfUnit(deps.db, unitId);
  const items = await repos.circulation.itemsAboard(deps.db, unitId, routeId);
  const stops = routeId ? await mobileRouteStops(deps, deps.db, [routeId]) : [];
  const stopName = new Map(stops.map((s) => [s.id, s.placeName]));
  const held = routeId ? await repos.circulationLoans.holdsToDeliver(deps.db, routeId) : [];
  const titles = new Map(
    (await catalogueRecordsPort.summaries(deps, deps.db, [...new Set(held.map((h) => h.recordId))])).map(
      (r) => [r.id, r.title],
    ),
  );
  const from = new Date(`${day}T00:00:00+07:00`);
  const placeName = new Map(stops.map((s) => [s.placeId, s.placeName]));
  const sessions = stops.length
    ? await offlineCheckInSessions(deps, actor, [...placeName.keys()], from, new Date(from.getTime() + DAY))
    : [];
  return {
    day,
    readers: readers.map((r) => ({ card: r.cardNumber, name: r.name, blocked: r.status === 'blocked' })),
    items: items.map((i) => ({ barcode: i.barcode, status: i.status })),
    holds: held.map((h) => ({
      holdId: h.id,
      card: h.card,
      readerName: h.readerName,
      barcode: h.barcode,
      title: titles.get(h.recordId) ?? h.barcode,
      stopName: h.pickupStopId ? (stopName.get(h.pickupStopId) ?? null) : null,
      status: h.status,
    })),
    events: sessions.map((s) => ({
      eventId: s.eventId,
      sessionId: s.sessionId,
      title: s.title,
      placeName: placeName.get(s.placeId) ?? '',
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      tickets: s.tickets,
    })),
  };
}
