// The kinds of public id the event-feeds module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const eventFeedsIds = defineIds(['csub']);
export const { newId } = eventFeedsIds;
