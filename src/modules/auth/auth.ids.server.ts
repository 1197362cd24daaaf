// The kinds of public id the auth module mints (its descriptor's `idPrefixes`; lib/ids.server.ts).
import { defineIds } from '../../lib/ids.server.ts';

export const authIds = defineIds(['usr', 'ses', 'acc', 'ver', 'tfa']);
export const { newId } = authIds;
export type AuthIdPrefix = (typeof authIds.prefixes)[number];
