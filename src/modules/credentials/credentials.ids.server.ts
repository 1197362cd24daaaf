// The kinds of public id the credentials module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const credentialsIds = defineIds(['ach', 'cred', 'ikey']);
export const { newId } = credentialsIds;
