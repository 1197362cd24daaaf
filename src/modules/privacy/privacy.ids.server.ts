// The kinds of public id the privacy module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const privacyIds = defineIds(['dsr', 'cld', 'brc', 'rst']);
export const { newId } = privacyIds;
