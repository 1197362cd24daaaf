// The kinds of public id the circulation module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const circulationIds = defineIds(['rdr', 'itm', 'loan', 'hold', 'ilsi']);
export const { newId } = circulationIds;
