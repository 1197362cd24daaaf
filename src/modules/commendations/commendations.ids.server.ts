// The kinds of public id the commendations module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const commendationsIds = defineIds(['cmnd', 'cev']);
export const { newId } = commendationsIds;
