// The reader's own page: cards (Code 128 and QR to show at the desk), loans with due dates and renewal, holds
// with their place in the queue, and the loan history only when the reader chose to keep it.
import { redirect } from 'react-router';
import { formatDate, formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { t as translate } from '../../../lib/i18n.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import { renew } from '../../../modules/circulation/circulation.desk.usecases.server.ts';
import { cancelHold } from '../../../modules/circulation/circulation.holds.server.ts';
import {
  cardSvgs,
  myCards,
  requestMyCard,
  setKeepHistory,
} from '../../../modules/circulation/circulation.readers.usecases.server.ts';
import { myLibrary } from '../../../modules/circulation/circulation.views.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { SelectField } from '../../ui/Field.tsx';
import { formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { LibraryCard } from '../components/LibraryCard.tsx';
import type { Route } from './+types/my-library.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  if (actor.kind !== 'user')
    throw redirect(
      `${localePath(locale, '/sign-in')}?next=${encodeURIComponent(new URL(request.url).pathname)}`,
    );
  try {
    const lib = await myLibrary(deps, actor, request);
    const cards = await Promise.all(
      lib.cards.map(async (c) => ({
        name: c.name,
        cardNumber: c.cardNumber,
        ...(await cardSvgs(c.cardNumber)),
      })),
    );
    const today = isoDateInVietnam(deps.now());
    const units = (await deps.repos.units.all(deps.db)).filter(
      (u) => u.kind === 'library' || u.kind === 'culture_centre',
    );
    return {
      cards,
      units: units.map((u) => ({ id: u.id, name: u.name })),
      today,
      keepHistory: lib.keepHistory,
      loans: lib.loans.map((l) => ({
        id: l.id,
        title: l.title,
        due: l.dueAt.toISOString(),
        overdue: l.dueAt < deps.now(),
      })),
      holds: lib.holds.map((h) => ({
        id: h.id,
        title: h.title,
        status: h.status,
        position: h.position,
        expires: h.expiresAt?.toISOString() ?? null,
      })),
      history: lib.history.map((l) => ({
        id: l.id,
        title: l.title,
        returned: l.returnedAt?.toISOString() ?? '',
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const readerIds = (await myCards(deps, actor, request)).map((c) => c.id);
  try {
    switch (formText(form, 'intent')) {
      case 'renew': {
        const loan = await renew(deps, actor, { loanId: formText(form, 'loanId'), readerIds });
        return {
          ok: true,
          message: translate(locale, 'circulation.my.renewed', { due: formatDate(loan.dueAt) }),
        };
      }
      case 'cancel':
        await cancelHold(deps, actor, formText(form, 'holdId'), readerIds);
        return { ok: true, message: translate(locale, 'circulation.my.cancelled') };
      case 'history':
        await setKeepHistory(deps, actor, formText(form, 'keep') === 'yes', request);
        return { ok: true, message: '' };
      case 'card':
        await requestMyCard(
          deps,
          actor,
          { unitId: formText(form, 'unitId'), consent: formText(form, 'consent') === 'yes' },
          request,
        );
        return { ok: true, message: '' };
      default:
        return { ok: false, message: translate(locale, 'circulation.error.invalid') };
    }
  } catch (e) {
    if (!isAppError(e) || e.status === 401) throw e;
    return { ok: false, message: translate(locale, e.messageKey, e.params) };
  }
}

export default function MyLibraryPage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('circulation.my.title')} — Suốt Đời`}</title>
      <h1>{t('circulation.my.title')}</h1>
      {a?.message ? (
        <p className={a.ok ? 'alert-ok' : 'alert-error'} role={a.ok ? 'status' : 'alert'}>
          {a.message}
        </p>
      ) : null}
      {d.cards.length ? (
        d.cards.map((c) => <LibraryCard key={c.cardNumber} {...c} />)
      ) : (
        <p>{t('circulation.my.noCard')}</p>
      )}
      <details>
        <summary>{t('circulation.my.requestCard')}</summary>
        <form method="post" className="form">
          <input type="hidden" name="intent" value="card" />
          <SelectField id="my-card-unit" label={t('circulation.my.library')} name="unitId">
            {d.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <div className="field checkbox">
            <input id="my-card-consent" name="consent" type="checkbox" value="yes" required />
            <label htmlFor="my-card-consent">{t('circulation.reader.consent')}</label>
          </div>
          <button type="submit">{t('circulation.my.requestCard')}</button>
        </form>
      </details>
      <section aria-labelledby="my-loans">
        <h2 id="my-loans">{t('circulation.my.loans')}</h2>
        {d.loans.length === 0 ? <p>{t('circulation.my.noLoans')}</p> : null}
        <ul className="plain-list">
          {d.loans.map((l) => (
            <li key={l.id}>
              <strong>{l.title}</strong> — {t('circulation.my.due')} {formatDate(l.due)}
              {l.overdue ? <strong> ({t('circulation.my.overdue')})</strong> : null}
              <form method="post" className="inline-form">
                <input type="hidden" name="intent" value="renew" />
                <input type="hidden" name="loanId" value={l.id} />
                <button type="submit" aria-label={`${t('circulation.my.renew')}: ${l.title}`}>
                  {t('circulation.my.renew')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="my-holds">
        <h2 id="my-holds">{t('circulation.my.holds')}</h2>
        {d.holds.length === 0 ? <p>{t('circulation.my.noHolds')}</p> : null}
        <ul className="plain-list">
          {d.holds.map((h) => (
            <li key={h.id}>
              <strong>{h.title}</strong> —{' '}
              {h.status === 'ready' && h.expires
                ? t('circulation.my.ready', { date: formatIsoDay(isoDateInVietnam(new Date(h.expires))) })
                : h.status === 'in_transit'
                  ? t('circulation.my.inTransit')
                  : t('circulation.my.position', { position: h.position ?? 0 })}
              <form method="post" className="inline-form">
                <input type="hidden" name="intent" value="cancel" />
                <input type="hidden" name="holdId" value={h.id} />
                <button
                  type="submit"
                  className="button-secondary"
                  aria-label={`${t('circulation.my.cancel')}: ${h.title}`}
                >
                  {t('circulation.my.cancel')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="my-history">
        <h2 id="my-history">{t('circulation.my.history')}</h2>
        {d.keepHistory ? (
          <ul className="plain-list">
            {d.history.map((l) => (
              <li key={l.id}>
                {l.title} — {t('circulation.my.returned', { date: formatDate(l.returned) })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('circulation.my.historyOff')}</p>
        )}
        <form method="post">
          <input type="hidden" name="intent" value="history" />
          <input type="hidden" name="keep" value={d.keepHistory ? 'no' : 'yes'} />
          <button type="submit" className="button-secondary">
            {d.keepHistory ? t('circulation.my.stopHistory') : t('circulation.my.keepHistory')}
          </button>
        </form>
      </section>
    </>
  );
}
