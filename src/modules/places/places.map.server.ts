// The public places page's overview: the communes a citizen can pick for "near me", and the located places of
// the current filter as points for a map drawn on the server (no tile server, no third party, no JavaScript).

import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type { CommuneCentre, PlacePoint } from './places.repository.server.ts';
import type { PlaceListQuery } from './places.schemas.server.ts';
import type { PlacesDeps } from './places.usecases.server.ts';

/** At most this many points on the overview map (the province has a few hundred service points). */
export const MAP_POINTS_LIMIT = 2000;

export async function listCommuneCentres(deps: PlacesDeps, actor: Actor): Promise<CommuneCentre[]> {
  authorize(actor, 'places.place.read');
  return deps.repos.places.communeCentres(deps.db);
}

export async function mapPoints(deps: PlacesDeps, actor: Actor, q: PlaceListQuery): Promise<PlacePoint[]> {
  authorize(actor, 'places.place.read');
  const kinds = q.kind === undefined ? undefined : Array.isArray(q.kind) ? q.kind : [q.kind];
  return deps.repos.places.points(deps.db, {
    q: q.q,
    kinds,
    district: q.district,
    limit: MAP_POINTS_LIMIT,
  });
}
