// The kinds of public id the cooperation module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const cooperationIds = defineIds(['cpar', 'cact', 'cdoc']);
export const { newId } = cooperationIds;
