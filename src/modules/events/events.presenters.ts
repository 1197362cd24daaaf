// API shapes of events, sessions and registrations (no contacts, no internal counters).

import type { ListedSession } from './events.repository.server.ts';
import type { EventDto } from './events.schemas.server.ts';
import type { EventWithSessions } from './events.usecases.server.ts';
import type { Registration } from './events-registrations.repository.server.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentEvent({ event: e, sessions }: EventWithSessions): EventDto {
  return {
    id: e.id,
    unit: { id: e.unitId, name: e.unitName },
    title: e.title,
    description: e.description,
    category: e.category,
    audience: e.audience,
    place: e.place,
    onlineUrl: e.onlineUrl,
    timeZone: e.timeZone,
    capacity: e.capacity,
    registrationMode: e.registrationMode,
    registrationOpensAt: iso(e.registrationOpensAt),
    registrationClosesAt: iso(e.registrationClosesAt),
    priceVnd: e.priceVnd,
    organiserContact: e.organiserContact,
    status: e.status,
    source: e.source,
    url: e.url,
    version: e.version,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      cancelled: s.cancelled,
      seatsLeft: s.seatsLeft,
    })),
  };
}

export function presentListedSession(s: ListedSession) {
  return {
    sessionId: s.sessionId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    cancelled: s.cancelled,
    seatsLeft: s.seatsLeft,
    event: {
      id: s.event.id,
      title: s.event.title,
      category: s.event.category,
      unitName: s.event.unitName,
      placeName: s.event.place?.name ?? null,
      priceVnd: s.event.priceVnd,
    },
  };
}

export function presentRegistration(r: Registration, waitlistPosition: number | null, ticketUrl: string) {
  return {
    id: r.id,
    eventId: r.eventId,
    sessionId: r.sessionId,
    status: r.status,
    partySize: r.partySize,
    waitlistPosition,
    ticketCode: r.ticketCode,
    ticketUrl,
  };
}

/** schema.org Event for the public page (JSON-LD). */
export function eventJsonLd({ event: e, sessions }: EventWithSessions, canonical: string) {
  const live = sessions.filter((s) => !s.cancelled);
  const first = live[0] ?? sessions[0];
  const last = live.at(-1) ?? sessions.at(-1);
  const full = e.capacity !== null && live.every((s) => s.seatsLeft === 0);
  const location = e.place
    ? {
        '@type': 'Place',
        name: e.place.name,
        ...(e.place.address ? { address: e.place.address } : {}),
        ...(e.place.lat !== null && e.place.lng !== null
          ? { geo: { '@type': 'GeoCoordinates', latitude: e.place.lat, longitude: e.place.lng } }
          : {}),
      }
    : { '@type': 'VirtualLocation', url: e.onlineUrl };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.description,
    url: canonical,
    startDate: first?.startsAt.toISOString(),
    endDate: last?.endsAt.toISOString(),
    eventStatus:
      e.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: e.place
      ? 'https://schema.org/OfflineEventAttendanceMode'
      : 'https://schema.org/OnlineEventAttendanceMode',
    location,
    organizer: { '@type': 'Organization', name: e.unitName },
    ...(e.audience.length ? { audience: { '@type': 'Audience', audienceType: e.audience.join(', ') } } : {}),
    offers: {
      '@type': 'Offer',
      price: e.priceVnd,
      priceCurrency: 'VND',
      availability: full ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
      url: canonical,
    },
    ...(live.length > 1
      ? {
          subEvent: live.map((s) => ({
            '@type': 'Event',
            name: e.title,
            startDate: s.startsAt.toISOString(),
            endDate: s.endsAt.toISOString(),
          })),
        }
      : {}),
  };
}
