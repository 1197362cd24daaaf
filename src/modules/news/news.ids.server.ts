// The kinds of public id the news module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const newsIds = defineIds(['art', 'cmp', 'mdp']);
export const { newId } = newsIds;
