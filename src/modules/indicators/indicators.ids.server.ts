// The kinds of public id the indicators module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const indicatorsIds = defineIds(['ind', 'itg', 'imv']);
export const { newId } = indicatorsIds;
