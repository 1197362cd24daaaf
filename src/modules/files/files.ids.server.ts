// The kinds of public id the files module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const filesIds = defineIds(['file']);
export const { newId } = filesIds;
