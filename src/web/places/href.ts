// The public places page's query as links keep it (client-safe: no server imports).
import type { PlaceListQuery } from '../../modules/places/places.schemas.server.ts';

export interface PlacesPageQuery {
  query: PlaceListQuery;
  /** The raw typed coordinates, shown back in the form. */
  typed: { lat: string; lng: string };
  invalidCoordinates: boolean;
}

/** The page's URL with some parameters changed (pagination, "clear"), keeping the others. */
export function placesHref(
  base: string,
  q: PlacesPageQuery,
  change: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  const current: Record<string, string | undefined> = {
    q: q.query.q,
    kind: typeof q.query.kind === 'string' ? q.query.kind : undefined,
    district: q.query.district,
    lat: q.query.lat !== undefined ? q.typed.lat : undefined,
    lng: q.query.lng !== undefined ? q.typed.lng : undefined,
    near: q.query.near,
    ...change,
  };
  for (const [k, v] of Object.entries(current)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
