// The kinds of public id the events module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const eventsIds = defineIds(['evt', 'evs', 'reg', 'att', 'fbk']);
export const { newId } = eventsIds;
