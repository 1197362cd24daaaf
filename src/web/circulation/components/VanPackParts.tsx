// The van page's holds to hand over and the day's events at the route's stops (docs/circulation.md, "Offline
// mode"). A hand-over is queued by van.js as a lend of the held copy to its holder; each event session carries
// the markup of the shared offline check-in island (src/web/events/check-in-offline.js), one island per session.
import { TIME_ZONE } from '../../../lib/dates.ts';
import type { VanEvent, VanHold } from '../../../modules/circulation/circulation.van-pack.server.ts';
import { OfflineCheckInData } from '../../events/OfflineCheckIn.tsx';
import { useLocale, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';

export function VanHolds({ holds }: { holds: VanHold[] }) {
  const t = useT();
  return (
    <section aria-labelledby="van-holds-title">
      <h2 id="van-holds-title">{t('circulation.van.holdsTitle')}</h2>
      {holds.length ? (
        <ul className="van-holds">
          {holds.map((h) => (
            <li key={h.holdId} data-hold-row={h.holdId}>
              <p>
                <strong>{h.readerName}</strong> ({t('circulation.van.holdCard', { card: h.card })}) —{' '}
                {h.title} — {t('circulation.van.holdCopy', { barcode: h.barcode })}
              </p>
              <p className="muted">
                {h.stopName ? `${t('circulation.van.holdStop', { stop: h.stopName })} · ` : ''}
                {t(h.status === 'ready' ? 'circulation.van.holdReady' : 'circulation.van.holdInTransit')}
              </p>
              <button
                type="button"
                data-hold={h.holdId}
                data-card={h.card}
                data-barcode={h.barcode}
                aria-label={t('circulation.van.handOverTo', { reader: h.readerName, barcode: h.barcode })}
              >
                {t('circulation.van.handOver')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('circulation.van.holdsNone')}</p>
      )}
    </section>
  );
}

export function VanEvents({ events, messages }: { events: VanEvent[]; messages: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const time = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  });
  return (
    <section aria-labelledby="van-events-title">
      <h2 id="van-events-title">{t('circulation.van.eventsTitle')}</h2>
      {events.length === 0 ? <p>{t('circulation.van.eventsNone')}</p> : null}
      {events.map((e, n) => {
        const id = `van-ci-${n}`;
        return (
          <div key={e.sessionId} className="van-event">
            <h3 id={`${id}-title`}>{e.title}</h3>
            <p>
              {t('circulation.van.eventWhen', {
                starts: time.format(new Date(e.startsAt)),
                ends: time.format(new Date(e.endsAt)),
                place: e.placeName,
              })}
            </p>
            <form
              method="post"
              action={`/admin/events/${e.eventId}/check-in`}
              className="form"
              id={`${id}-form`}
              aria-labelledby={`${id}-title`}
            >
              <input type="hidden" name="intent" value="check-in" />
              <input type="hidden" name="sessionId" value={e.sessionId} />
              <TextField
                id={`${id}-code`}
                label={t('events.mail.ticketCode')}
                name="code"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={300}
              />
              <button type="submit">{t('events.checkin.submit')}</button>
            </form>
            <div id={`${id}-box`} hidden>
              <p id={`${id}-status`} role="status" aria-live="polite" />
              <ul id={`${id}-log`} />
            </div>
            <OfflineCheckInData
              list={{ eventId: e.eventId, sessionId: e.sessionId, tickets: e.tickets, messages }}
              ids={{ form: `${id}-form`, box: `${id}-box`, status: `${id}-status`, log: `${id}-log` }}
              queueOnline
            />
          </div>
        );
      })}
    </section>
  );
}
