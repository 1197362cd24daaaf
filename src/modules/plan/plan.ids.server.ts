// The kinds of public id the plan module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const planIds = defineIds(['task', 'ins', 'day', 'bud', 'rpt', 'evd', 'pev', 'ted']);
export const { newId } = planIds;
