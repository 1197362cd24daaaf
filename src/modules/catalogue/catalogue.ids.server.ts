// The kinds of public id the catalogue module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const catalogueIds = defineIds(['rec', 'hld', 'imp', 'img', 'hsrc', 'hrun']);
export const { newId } = catalogueIds;
