// The kinds of public id the lrs module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const lrsIds = defineIds(['lrc']);
export const { newId } = lrsIds;
