// The kinds of public id the learners module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const learnersIds = defineIds(['lrn', 'otp', 'cns']);
export const { newId } = learnersIds;
