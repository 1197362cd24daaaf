// The kinds of public id the citizen module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const citizenIds = defineIds(['cit']);
export const { newId } = citizenIds;
