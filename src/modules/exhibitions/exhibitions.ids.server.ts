// The kinds of public id the exhibitions module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const exhibitionsIds = defineIds(['exh', 'exs', 'exi']);
export const { newId } = exhibitionsIds;
