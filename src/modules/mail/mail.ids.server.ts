// The kinds of public id the mail module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const mailIds = defineIds(['mail']);
export const { newId } = mailIds;
