// POST target of the record page's hold form: places the hold on the reader's card and comes back to the record.
import { redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { placeHold } from '../../../modules/circulation/circulation.holds.server.ts';
import { myCards } from '../../../modules/circulation/circulation.readers.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { readFormToken } from '../../ui/form-once.server.ts';
import { formText } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/hold.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { locale, actor } = context.get(requestContext);
  const mine = localePath(locale, '/my/library');
  throw redirect(
    actor.kind === 'user' ? mine : `${localePath(locale, '/sign-in')}?next=${encodeURIComponent(mine)}`,
  );
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  if (actor.kind !== 'user') throw redirect(localePath(locale, '/sign-in'));
  const form = await readPageForm(request);
  const recordId = formText(form, 'recordId').slice(0, 40);
  const unitId = formText(form, 'unitId').slice(0, 40);
  const [kind, id = ''] = formText(form, 'pickup').split(':');
  const back = (q: string) =>
    redirect(`${localePath(locale, `/records/${encodeURIComponent(recordId)}`)}?${q}`, 303);
  let pickupRouteId: string | null = null;
  if (kind === 'stop') {
    const rows = await deps.repos.mobileRoutes.stopById(deps.db, id);
    if (!rows) return back('hold=pickupInvalid');
    pickupRouteId = rows.routeId;
  }
  const cards = await myCards(deps, actor, request);
  const card = cards.find((c) => c.unitId === unitId) ?? cards[0];
  if (!card) return back('hold=needCard');
  try {
    await placeHold(deps, actor, card, {
      recordId,
      unitId,
      pickupPlaceId: kind === 'place' ? id : null,
      pickupRouteId,
      pickupStopId: kind === 'stop' ? id : null,
      txnId: readFormToken(form) ?? `hold-${crypto.randomUUID()}`,
    });
    return redirect(localePath(locale, '/my/library'), 303);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return back(`hold=${encodeURIComponent(e.code.replace('circulation.', ''))}`);
  }
}

export default function HoldRedirect() {
  return null;
}
