// The kinds of public id the jobs module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const jobsIds = defineIds(['job']);
export const { newId } = jobsIds;
