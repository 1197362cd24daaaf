// The kinds of public id the access module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const accessIds = defineIds(['grt']);
export const { newId } = accessIds;
