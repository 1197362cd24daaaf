// The kinds of public id the notifications module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const notificationsIds = defineIds(['ntf']);
export const { newId } = notificationsIds;
