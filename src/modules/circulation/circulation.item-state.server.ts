// A copy's status change, told to the catalogue: the holding it was made from gets the matching availability,
// so search's "available now" facet and filter (issue 15) follow lending without the catalogue reading
// circulation's tables. Runs in the desk's transaction: the loan and the facet change commit together.
import type { Db } from '../../db/client.server.ts';
import { type Availability, catalogueHoldingsPort } from '../catalogue/index.server.ts';
import type { Item } from './circulation.repository.server.ts';
import type { ItemStatus } from './circulation.vocab.ts';

/** What a copy's status means on the catalogue's holding: on the shelf, or not there now. */
export function holdingAvailability(status: ItemStatus): Availability {
  if (status === 'available') return 'available';
  // Lost and withdrawn copies are not lendable; the catalogue has no such value, "in storage" is the nearest.
  if (status === 'lost' || status === 'withdrawn') return 'in_storage';
  return 'on_loan';
}

interface ItemStateRepos {
  circulation: {
    setItemState(
      db: Db,
      id: string,
      s: { status: ItemStatus; placeId?: string | null; routeId?: string | null },
    ): Promise<void>;
  };
}

/** Sets a copy's status (and place) and its catalogue holding's availability. */
export async function setItemState(
  repos: ItemStateRepos,
  tx: Db,
  item: Pick<Item, 'id' | 'holdingId'>,
  s: { status: ItemStatus; placeId?: string | null; routeId?: string | null },
): Promise<void> {
  await repos.circulation.setItemState(tx, item.id, s);
  if (item.holdingId)
    await catalogueHoldingsPort.setAvailability(tx, item.holdingId, holdingAvailability(s.status));
}
