// The desk's location from the query string / hidden fields (`unit`, `at` = place:<id> | route:<id>) and the
// outcome of a desk action as a sentence in the visitor's language.
import { t as translate } from '../../lib/i18n.server.ts';
import type { Locale, MessageKey, MessageParams } from '../../lib/i18n.ts';
import type { Desk } from '../../modules/circulation/circulation.desk.usecases.server.ts';

export function deskFrom(unitId: string, at: string): Desk {
  const [kind, id] = at.split(':');
  return {
    unitId,
    placeId: kind === 'place' && id ? id : null,
    routeId: kind === 'route' && id ? id : null,
  };
}

export type DeskOutcome = { ok: boolean; message: string; extra?: string; recordId?: string };

export const say = (
  locale: Locale,
  ok: boolean,
  key: MessageKey,
  params?: MessageParams,
  extra?: string,
): DeskOutcome => ({
  ok,
  message: translate(locale, key, params),
  ...(extra ? { extra } : {}),
});
