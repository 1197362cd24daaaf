// The kinds of public id the audit module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const auditIds = defineIds(['aud']);
export const { newId } = auditIds;
