// Back office: open data-subject requests ordered by their completion deadline (working days, public holidays
// as data), with extension (once) and completion; and the personal-data inventory every module declares.

import { personalDataHandlers } from '../../../app/registries.server.ts';
import { formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { activeRestrictions, liftRestriction } from '../../../modules/privacy/privacy.restrictions.server.ts';
import {
  completeRequest,
  extendRequest,
  openRequests,
} from '../../../modules/privacy/privacy.usecases.server.ts';
import { workingDaysBetween } from '../../../modules/privacy/privacy.workdays.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/queue.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const open = await openRequests(deps, actor);
    const today = isoDateInVietnam(deps.now());
    const holidays = await deps.repos.privacy.holidays(
      deps.db,
      `${Number(today.slice(0, 4)) - 1}-01-01`,
      `${Number(today.slice(0, 4)) + 2}-12-31`,
    );
    return {
      requests: open.map((r) => ({
        id: r.id,
        kind: r.kind,
        channel: r.channel,
        details: r.details,
        received: formatIsoDay(isoDateInVietnam(r.receivedAt)),
        replyDue: formatIsoDay(r.replyDue),
        completeDue: formatIsoDay(r.completeDue),
        daysLeft: workingDaysBetween(today, r.completeDue, holidays),
        extended: r.extended,
        contact: r.channel === 'guest-form' ? r.contact : null,
      })),
      restrictions: (await activeRestrictions(deps, actor)).map((r) => ({
        id: r.id,
        kind: r.kind,
        since: formatIsoDay(isoDateInVietnam(r.startedAt)),
        requestId: r.requestId,
      })),
      inventory: personalDataHandlers.flatMap(({ module, handler }) =>
        handler.inventory.map((i) => ({ module, ...i, fields: i.fields.join(', ') })),
      ),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const id = formText(form, 'id');
  try {
    const intent = formText(form, 'intent');
    if (intent === 'extend') await extendRequest(deps, actor, id);
    else if (intent === 'lift') await liftRestriction(deps, actor, id);
    else if (intent === 'done' || intent === 'rejected') {
      await completeRequest(deps, actor, id, { status: intent, note: formText(form, 'note').slice(0, 4000) });
    }
    return { ok: true as const, errors: undefined };
  } catch (e) {
    return failure(e, {});
  }
}

export default function PrivacyQueue({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('privacy.admin.title')} — Suốt Đời`}</title>
      <h1>{t('privacy.admin.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <section aria-labelledby="dsr-queue-h">
        <h2 id="dsr-queue-h">{t('privacy.admin.queue')}</h2>
        {loaderData.requests.length === 0 ? <p>{t('privacy.admin.empty')}</p> : null}
        <ul>
          {loaderData.requests.map((r) => (
            <li key={r.id}>
              <strong>{t(`privacy.kind.${r.kind}` as MessageKey)}</strong> — {r.received} —{' '}
              {t('privacy.due', { replyDue: r.replyDue, completeDue: r.completeDue })} —{' '}
              <span className={r.daysLeft < 0 ? 'error-text' : undefined}>
                {t('privacy.admin.daysLeft', { days: r.daysLeft })}
              </span>
              {r.contact ? (
                <p>
                  {t('privacy.admin.guest', { contact: r.contact })}{' '}
                  {r.kind === 'access' ? (
                    <a href={`/admin/privacy/requests/${r.id}/export.json`} download>
                      {t('privacy.admin.guestExport')}
                    </a>
                  ) : null}
                </p>
              ) : null}
              {r.details ? <p>{r.details}</p> : null}
              <form method="post" className="inline-form">
                <input type="hidden" name="id" value={r.id} />
                {!r.extended ? (
                  <button type="submit" name="intent" value="extend" className="secondary">
                    {t('privacy.admin.extend')}
                  </button>
                ) : null}{' '}
                <button type="submit" name="intent" value="done">
                  {t('privacy.admin.done')}
                </button>{' '}
                <button type="submit" name="intent" value="rejected" className="secondary">
                  {t('privacy.admin.reject')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="dsr-restrictions-h">
        <h2 id="dsr-restrictions-h">{t('privacy.restrictions.title')}</h2>
        <p>{t('privacy.restrictions.intro')}</p>
        {loaderData.restrictions.length === 0 ? <p>{t('privacy.restrictions.none')}</p> : null}
        <ul>
          {loaderData.restrictions.map((r) => (
            <li key={r.id} data-restriction={r.id}>
              <strong>{t(`privacy.kind.${r.kind}`)}</strong> —{' '}
              {t('privacy.restrictions.since', { date: r.since, ref: r.requestId })}
              <form method="post" className="inline-form">
                <input type="hidden" name="id" value={r.id} />
                <button type="submit" name="intent" value="lift" className="secondary">
                  {t('privacy.restrictions.lift')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="dsr-inventory-h">
        <h2 id="dsr-inventory-h">{t('privacy.admin.inventory')}</h2>
        {/* Scrolls sideways on a phone: focusable so keyboard users can scroll it too. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('privacy.admin.where')}</th>
                <th scope="col">{t('privacy.admin.what')}</th>
                <th scope="col">{t('privacy.admin.why')}</th>
                <th scope="col">{t('privacy.admin.howLong')}</th>
                <th scope="col">{t('privacy.admin.who')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.inventory.map((i) => (
                <tr key={`${i.module}.${i.table}`}>
                  <th scope="row">
                    {i.module} / <code>{i.table}</code>
                  </th>
                  <td>{i.fields}</td>
                  <td>{t(i.purpose)}</td>
                  <td>{t(i.retention)}</td>
                  <td>{t(i.visibleTo)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
