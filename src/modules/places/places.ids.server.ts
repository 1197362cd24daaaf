// The kinds of public id the places module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const placesIds = defineIds(['place', 'route', 'stop']);
export const { newId } = placesIds;
