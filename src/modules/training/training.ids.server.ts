// The kinds of public id the training module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const trainingIds = defineIds(['trc', 'trs']);
export const { newId } = trainingIds;
