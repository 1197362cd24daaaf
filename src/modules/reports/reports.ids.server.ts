// The kinds of public id the reports module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const reportsIds = defineIds(['rper', 'rsub', 'rsev', 'rgen', 'rdoc', 'rev']);
export const { newId } = reportsIds;
