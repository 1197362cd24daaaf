// Pieces shared by the event pages: a session's time range in Vietnam time, and the facts of an event.
import { formatDateTime, formatNumber, TIME_ZONE } from '../../../lib/dates.ts';
import type { Locale, MessageKey } from '../../../lib/i18n.ts';
import { utcToZoned } from '../../../modules/events/events.schedule.ts';
import { useLocale, useT } from '../../i18n.ts';
import { viData } from '../../ui/data-lang.ts';

/** "21/04/2027 08:00–10:30", or both full dates when the session ends on another day. */
export function sessionTimeText(startsAt: Date, endsAt: Date): string {
  const [startDay] = utcToZoned(new Date(startsAt), TIME_ZONE);
  const [endDay, endTime] = utcToZoned(new Date(endsAt), TIME_ZONE);
  return startDay === endDay
    ? `${formatDateTime(startsAt)}–${endTime}`
    : `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}

export function SessionTime({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }) {
  return <time dateTime={new Date(startsAt).toISOString()}>{sessionTimeText(startsAt, endsAt)}</time>;
}

/** Splits a message at its `{title}` so the Vietnamese title inside an English sentence can carry its lang. */
const TITLE_SLOT = '\u0000title\u0000';

/**
 * A translated sentence embedding an event's (Vietnamese) title, e.g. “Cancel your registration for “…”?”:
 * the title sits in a `<span lang="vi">` on English pages (WCAG 3.1.2), and the sentence stays one message.
 */
export function SentenceWithTitle({
  message,
  title,
  locale,
}: {
  /** The message rendered with `{ title: TITLE_SLOT }`, see `titleSlot`. */
  message: string;
  title: string;
  locale: Locale;
}) {
  const at = message.indexOf(TITLE_SLOT);
  if (at < 0) return <>{message}</>;
  return (
    <>
      {message.slice(0, at)}
      <span {...viData(locale)}>{title}</span>
      {message.slice(at + TITLE_SLOT.length)}
    </>
  );
}

/** The stand-in passed as `{title}` to the message that SentenceWithTitle splits. */
export const titleSlot = { title: TITLE_SLOT };

export const categoryKey = (c: string) => `events.category.${c}` as MessageKey;
export const audienceKey = (a: string) => `events.audience.${a}` as MessageKey;

export interface EventFactsData {
  unitName: string;
  category: string;
  audience: string[];
  place: { name: string; address: string | null } | null;
  onlineUrl: string | null;
  priceVnd: number;
  organiserContact: string;
}

export function EventFacts({ event: e }: { event: EventFactsData }) {
  const t = useT();
  const locale = useLocale();
  const vi = viData(locale);
  return (
    <dl className="record-fields">
      <div>
        <dt>{t('events.field.category')}</dt>
        <dd>{t(categoryKey(e.category))}</dd>
      </div>
      {e.audience.length ? (
        <div>
          <dt>{t('events.field.audience')}</dt>
          <dd>{e.audience.map((a) => t(audienceKey(a))).join(', ')}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('events.field.place')}</dt>
        <dd>
          {e.place ? (
            <span {...vi}>{`${e.place.name}${e.place.address ? `, ${e.place.address}` : ''}`}</span>
          ) : null}
          {e.onlineUrl ? (
            <>
              {e.place ? ' — ' : ''}
              <a href={e.onlineUrl} rel="noopener noreferrer">
                {t('events.field.online')}
              </a>
            </>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('events.field.price')}</dt>
        <dd>{e.priceVnd === 0 ? t('events.price.free') : `${formatNumber(e.priceVnd, locale)} ₫`}</dd>
      </div>
      <div>
        <dt>{t('events.field.organiser')}</dt>
        <dd {...vi}>
          {e.unitName}
          {e.organiserContact ? ` — ${e.organiserContact}` : ''}
        </dd>
      </div>
    </dl>
  );
}
