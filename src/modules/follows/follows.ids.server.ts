// The kinds of public id the follows module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const followsIds = defineIds(['fol']);
export const { newId } = followsIds;
