// The kinds of public id the sponsorship module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const sponsorshipIds = defineIds(['spn', 'sagr', 'don']);
export const { newId } = sponsorshipIds;
