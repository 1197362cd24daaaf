// The public map's tile server: a site-wide setting. Without it (the default) the places page is a list only,
// and no page ever asks a third party for tiles.

import type { Actor } from '../../lib/authz.ts';
import { staleVersion } from '../../lib/versions.server.ts';
import { authorizeOnRoot } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import { settingsPort } from '../settings/index.server.ts';
import type { MapSettingsInput } from './places.schemas.server.ts';
import type { PlacesDeps } from './places.usecases.server.ts';

export const TILE_URL_KEY = 'places.map.tile_url';
export const ATTRIBUTION_KEY = 'places.map.attribution';

export interface MapSettings {
  tileUrl: string | null;
  attribution: string | null;
}

/** Public: the pages read it to decide whether to offer a map. */
export async function readMapSettings(deps: Pick<PlacesDeps, 'repos'>): Promise<MapSettings> {
  const [tileUrl, attribution] = await Promise.all([
    deps.repos.settings.get<string>(TILE_URL_KEY),
    deps.repos.settings.get<string>(ATTRIBUTION_KEY),
  ]);
  return {
    tileUrl: typeof tileUrl === 'string' && tileUrl ? tileUrl : null,
    attribution: typeof attribution === 'string' && attribution ? attribution : null,
  };
}

export async function authorizeMapSettings(deps: PlacesDeps, actor: Actor): Promise<void> {
  authorizeOnRoot(actor, 'places.settings.update', await unitTree(deps));
}

/** The version the map settings form carries (a stale save → 409). */
export async function mapSettingsVersion(deps: PlacesDeps, actor: Actor): Promise<number> {
  await authorizeMapSettings(deps, actor);
  return settingsPort.version(deps, deps.db, TILE_URL_KEY);
}

export async function updateMapSettings(
  deps: PlacesDeps,
  actor: Actor,
  input: MapSettingsInput,
): Promise<MapSettings> {
  await authorizeMapSettings(deps, actor);
  const after: MapSettings = {
    tileUrl: input.tileUrl,
    attribution: input.tileUrl ? (input.attribution?.normalize('NFC') ?? null) : null,
  };
  await deps.db.transaction(async (tx) => {
    if ((await settingsPort.version(deps, tx, TILE_URL_KEY, true)) !== input.version)
      throw staleVersion('places.settings');
    const beforeUrl = await settingsPort.write(deps, tx, TILE_URL_KEY, after.tileUrl);
    const beforeAttribution = await settingsPort.write(deps, tx, ATTRIBUTION_KEY, after.attribution);
    await deps.audit.record(tx, actor, {
      action: 'places.settings.update',
      entityType: 'setting',
      entityId: TILE_URL_KEY,
      before: { tileUrl: beforeUrl, attribution: beforeAttribution },
      after,
    });
    await settingsPort.bumpVersion(deps, tx, TILE_URL_KEY);
  });
  return after;
}
