// Public list of upcoming event sessions with filters (date range or one day, category, audience, place, free,
// with seats). A plain GET form; no JavaScript. The month view lives at /events/calendar.

import {
  type PublicListQuery,
  PublicListQuerySchema,
} from '../../../modules/events/events.schemas.server.ts';
import {
  listPublicSessions,
  placesWithUpcomingEvents,
} from '../../../modules/events/events.usecases.server.ts';
import { EVENT_AUDIENCES, EVENT_CATEGORIES } from '../../../modules/events/events.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { viData } from '../../ui/data-lang.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { formDay } from '../../ui/form-values.server.ts';
import { queryAnswer } from '../../ui/page-errors.ts';
import { audienceKey, categoryKey, SessionTime } from '../components/EventParts.tsx';
import type { Route } from './+types/list.ts';

const KEYS = ['from', 'to', 'day', 'category', 'audience', 'place', 'free', 'seats', 'q'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (!v) continue;
    raw[k] = k === 'from' || k === 'to' || k === 'day' ? (formDay(v) ?? v) : v.slice(0, 200);
  }
  const parsed = PublicListQuerySchema.safeParse(raw);
  const query: PublicListQuery = parsed.success ? parsed.data : {};
  const [sessions, places] = await Promise.all([
    listPublicSessions(deps, query),
    placesWithUpcomingEvents(deps),
  ]);
  return queryAnswer({ query, invalid: !parsed.success, sessions, places }, parsed.error);
}

export default function EventsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const vi = viData(useLocale());
  const { query: q, sessions, places } = loaderData;
  const active = [q.day, q.from, q.to, q.category, q.audience, q.place, q.free, q.seats, q.q].filter(
    Boolean,
  ).length;
  return (
    <>
      <title>{`${t('events.list.title')} — Suốt Đời`}</title>
      <h1>{t('events.list.title')}</h1>
      <p className="lead">{t('events.list.intro')}</p>
      <p>
        <a href={href('/events/calendar')}>{t('events.list.calendarLink')}</a>
      </p>
      {loaderData.invalid ? (
        <FilterProblems summary="events.list.invalidFilter" problems={loaderData.problems} />
      ) : null}
      {/* On a phone the filters fold behind "Bộ lọc" (no JavaScript needed) so the first screen shows events;
          open when a filter is in use. Wide screens always show them. */}
      <details className="filter-toggle" open={active > 0}>
        <summary>
          {t('portal.filter.toggle')}
          {active ? ` (${active})` : ''}
        </summary>
        <form method="get" className="filters" aria-label={t('events.list.filters')}>
          <TextField
            id="f-day"
            label={t('events.filter.day')}
            name="day"
            type="date"
            defaultValue={q.day ?? ''}
          />
          <TextField
            id="f-from"
            label={t('events.filter.from')}
            name="from"
            type="date"
            defaultValue={q.from ?? ''}
          />
          <TextField
            id="f-to"
            label={t('events.filter.to')}
            name="to"
            type="date"
            defaultValue={q.to ?? ''}
          />
          <SelectField
            id="f-category"
            label={t('events.field.category')}
            name="category"
            defaultValue={q.category ?? ''}
          >
            <option value="">{t('events.filter.all')}</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(categoryKey(c))}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="f-audience"
            label={t('events.field.audience')}
            name="audience"
            defaultValue={q.audience ?? ''}
          >
            <option value="">{t('events.filter.all')}</option>
            {EVENT_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(audienceKey(a))}
              </option>
            ))}
          </SelectField>
          <SelectField id="f-place" label={t('events.field.place')} name="place" defaultValue={q.place ?? ''}>
            <option value="">{t('events.filter.all')}</option>
            {places.map((p) => (
              <option key={p.id} value={p.id} {...vi}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <div className="field field-inline">
            <input id="f-free" name="free" type="checkbox" value="true" defaultChecked={q.free === 'true'} />
            <label htmlFor="f-free">{t('events.filter.free')}</label>
          </div>
          <div className="field field-inline">
            <input
              id="f-seats"
              name="seats"
              type="checkbox"
              value="true"
              defaultChecked={q.seats === 'true'}
            />
            <label htmlFor="f-seats">{t('events.filter.seats')}</label>
          </div>
          <button type="submit">{t('events.filter.submit')}</button>
        </form>
      </details>
      <p className="result-count" role="status">
        {t('events.list.count', { count: sessions.length })}
      </p>
      <ul className="results event-list">
        {sessions.map((s) => (
          <li key={s.sessionId} className="result">
            <h2 className="small-heading">
              <a href={href(`/events/${s.event.id}`)} {...vi}>
                {s.event.title}
              </a>
            </h2>
            <p>
              <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} />
              {s.cancelled ? <strong> — {t('events.session.cancelled')}</strong> : null}
            </p>
            <p className="muted">
              {t(categoryKey(s.event.category))} ·{' '}
              {s.event.place ? <span {...vi}>{s.event.place.name}</span> : t('events.field.online')}
              {[
                s.event.priceVnd === 0 ? t('events.price.free') : null,
                s.seatsLeft === null
                  ? null
                  : s.seatsLeft === 0
                    ? t('events.seats.full')
                    : t('events.seats.left', { count: s.seatsLeft }),
              ]
                .filter(Boolean)
                .map((x) => ` · ${x}`)
                .join('')}
            </p>
          </li>
        ))}
      </ul>
      {sessions.length === 0 ? <p>{t('events.list.empty')}</p> : null}
    </>
  );
}
