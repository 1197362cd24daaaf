// The kinds of public id the units module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const unitsIds = defineIds(['unit']);
export const { newId } = unitsIds;
