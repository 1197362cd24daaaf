// The kinds of public id the guidance module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const guidanceIds = defineIds(['gdoc']);
export const { newId } = guidanceIds;
