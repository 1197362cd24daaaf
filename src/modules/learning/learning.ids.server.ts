// The kinds of public id the learning module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const learningIds = defineIds(['lpath', 'lstep', 'qatt', 'rch', 'rce']);
export const { newId } = learningIds;
