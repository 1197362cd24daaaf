// The kinds of public id the inspections module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const inspectionsIds = defineIds(['insp', 'ivis', 'ifol']);
export const { newId } = inspectionsIds;
