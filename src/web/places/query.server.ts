// Reads the public places page's GET parameters. Bad values never fail the page: they are dropped and the
// page says so (a typed coordinate with a typo must not hide the whole list).
import { parseCoordinate } from '../../lib/geo.ts';
import { PLACE_KINDS, type PlaceKind } from '../../modules/places/places.kinds.ts';
import { PlaceListQuerySchema } from '../../modules/places/places.schemas.server.ts';
import type { PlacesPageQuery } from './href.ts';

export function readPlacesQuery(url: URL): PlacesPageQuery {
  const p = url.searchParams;
  const q = (p.get('q') ?? '').trim().slice(0, 200);
  const kind = p.get('kind') ?? '';
  const district = (p.get('district') ?? '').trim().slice(0, 100);
  const typed = {
    lat: (p.get('lat') ?? '').trim().slice(0, 30),
    lng: (p.get('lng') ?? '').trim().slice(0, 30),
  };
  const lat = parseCoordinate(typed.lat);
  const lng = parseCoordinate(typed.lng);
  const anyTyped = typed.lat !== '' || typed.lng !== '';
  const coordsOk = lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  const raw: Record<string, unknown> = { page: p.get('page') ?? '1' };
  if (q) raw.q = q;
  if ((PLACE_KINDS as readonly string[]).includes(kind)) raw.kind = kind as PlaceKind;
  if (district) raw.district = district;
  if (coordsOk) {
    raw.lat = typed.lat;
    raw.lng = typed.lng;
  }
  const near = (p.get('near') ?? '').trim().slice(0, 200);
  if (near && !coordsOk) raw.near = near;
  const parsed = PlaceListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : PlaceListQuerySchema.parse({});
  return { query, typed, invalidCoordinates: anyTyped && !coordsOk };
}
