// Public month view of events: a server-rendered grid (commemorative days highlighted) and the same month as a
// list by day. Plain GET form and links; no JavaScript.
import { isoDateInVietnam } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { groupByDay, type SessionRow, sessionRow } from '../../modules/event-feeds/calendar.presenters.ts';
import { adjacentMonths, monthGrid, occurrencesOn } from '../../modules/event-feeds/calendar.ts';
import { monthView } from '../../modules/event-feeds/calendar.usecases.ts';
import { CalendarQuerySchema } from '../../modules/event-feeds/event-feeds.schemas.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../../modules/events/events.model.ts';
import { requestContext } from '../context.ts';
import { useHref, useT } from '../i18n.ts';
import { rethrowForPage } from '../page-errors.ts';
import styles from '../styles/event-calendar.css?url';
import type { Route } from './+types/events-calendar.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const CELL_MAX = 3;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of ['month', 'category'] as const) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = CalendarQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const today = isoDateInVietnam(deps.now());
  const [year, month] = (query.month ?? today.slice(0, 7)).split('-').map(Number) as [number, number];
  try {
    const view = await monthView(deps, actor, { year, month, category: query.category });
    return {
      invalid: !parsed.success,
      year,
      month,
      today,
      category: query.category ?? null,
      truncated: view.truncated,
      rows: view.sessions.map(sessionRow),
      occurrences: view.occurrences,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const monthParam = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

function EventLink({ row }: { row: SessionRow }) {
  const href = useHref();
  const target = row.externalUrl ?? href(`/events/${row.eventId}`);
  return (
    <a href={target} className={row.cancelled ? 'cal-cancelled' : undefined}>
      {row.title}
    </a>
  );
}

export default function EventsCalendar({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { year, month, rows, occurrences, category, today } = loaderData;
  const byDay = groupByDay(rows);
  const { prev, next } = adjacentMonths(year, month);
  const qs = (y: number, m: number) =>
    `?month=${monthParam(y, m)}${category ? `&category=${encodeURIComponent(category)}` : ''}`;
  const title = t('eventFeeds.calendar.title', { month, year });
  const catLabel = (c: string) => t(`eventFeeds.category.${c as EventCategory}` as MessageKey);
  const feedHref = category ? `/feeds/categories/${category}.ics` : '/feeds/events.ics';
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <meta name="description" content={t('eventFeeds.calendar.metaDescription')} />
      <h1>{title}</h1>
      {loaderData.invalid ? (
        <p className="alert-error" role="alert">
          {t('eventFeeds.calendar.invalidFilters')}
        </p>
      ) : null}
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="cal-month">{t('eventFeeds.calendar.month')}</label>
          <input id="cal-month" name="month" type="month" defaultValue={monthParam(year, month)} />
        </div>
        <div className="field">
          <label htmlFor="cal-category">{t('eventFeeds.calendar.category')}</label>
          <select id="cal-category" name="category" defaultValue={category ?? ''}>
            <option value="">{t('eventFeeds.calendar.allCategories')}</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {catLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('eventFeeds.calendar.show')}</button>
      </form>
      <nav className="cal-nav" aria-label={t('eventFeeds.calendar.monthNav')}>
        <a href={href(`/events/calendar${qs(prev.year, prev.month)}`)} rel="prev">
          {t('eventFeeds.calendar.prev', { month: prev.month, year: prev.year })}
        </a>
        <a href={href(`/events/calendar${qs(next.year, next.month)}`)} rel="next">
          {t('eventFeeds.calendar.next', { month: next.month, year: next.year })}
        </a>
      </nav>
      {loaderData.truncated ? <p className="muted">{t('eventFeeds.calendar.truncated')}</p> : null}
      <div className="table-wrap">
        <table className="cal-grid">
          <caption>{t('eventFeeds.calendar.gridCaption', { month, year, count: rows.length })}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  <abbr title={t(`eventFeeds.weekday.${d}`)}>{t(`eventFeeds.weekdayShort.${d}`)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthGrid(year, month).map((week) => (
              <tr key={week[0]?.day}>
                {week.map((cell) => {
                  const marks = occurrencesOn(occurrences, cell.day);
                  const dayRows = cell.inMonth ? (byDay.get(cell.day) ?? []) : [];
                  const classes = [
                    cell.inMonth ? '' : 'cal-out',
                    marks.length && cell.inMonth ? 'cal-marked' : '',
                    cell.day === today ? 'cal-today' : '',
                  ].filter(Boolean);
                  return (
                    <td key={cell.day} className={classes.join(' ') || undefined}>
                      <span className="cal-num">
                        {cell.inMonth && dayRows.length ? (
                          <a href={`#day-${cell.day}`}>{cell.dayOfMonth}</a>
                        ) : (
                          cell.dayOfMonth
                        )}
                      </span>
                      {cell.inMonth
                        ? marks.map((m) => (
                            <span key={m.code} className="cal-mark">
                              <span aria-hidden="true">★ </span>
                              <span className="cal-mark-name">{m.name}</span>
                              <span className="visually-hidden cal-count-only">{m.name}</span>
                            </span>
                          ))
                        : null}
                      {dayRows.length ? (
                        <>
                          <ul className="cal-cell-list">
                            {dayRows.slice(0, CELL_MAX).map((r) => (
                              <li key={r.sessionId}>
                                <EventLink row={r} />
                              </li>
                            ))}
                          </ul>
                          {dayRows.length > CELL_MAX ? (
                            <a href={`#day-${cell.day}`}>
                              {t('eventFeeds.calendar.more', { count: dayRows.length - CELL_MAX })}
                            </a>
                          ) : null}
                          <span className="cal-count-only">
                            {t('eventFeeds.calendar.count', { count: dayRows.length })}
                          </span>
                        </>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('eventFeeds.calendar.listHeading')}</h2>
      {rows.length === 0 ? <p>{t('eventFeeds.calendar.empty')}</p> : null}
      {[...byDay.entries()].map(([day, list]) => (
        <section key={day} id={`day-${day}`} aria-labelledby={`day-${day}-h`}>
          <h3 id={`day-${day}-h`}>
            {`${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`}
            {occurrencesOn(occurrences, day).map((m) => (
              <span key={m.code} className="cal-mark">
                {m.name}
              </span>
            ))}
          </h3>
          <ul className="cal-day-list">
            {list.map((r) => (
              <li key={r.sessionId}>
                <strong>
                  <EventLink row={r} />
                </strong>{' '}
                {r.external ? (
                  <span className="badge cal-external">{t('eventFeeds.calendar.external')}</span>
                ) : null}{' '}
                {r.cancelled ? <span className="badge">{t('eventFeeds.calendar.cancelled')}</span> : null}
                <br />
                {r.time} · {catLabel(r.category)} · {r.unitName}
                {r.placeName ? ` · ${r.placeName}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="cal-feeds" aria-labelledby="cal-feeds-h">
        <h2 id="cal-feeds-h">{t('eventFeeds.calendar.subscribe')}</h2>
        <p>{t('eventFeeds.calendar.subscribeHelp')}</p>
        <p>
          <a href={feedHref} type="text/calendar">
            {category
              ? t('eventFeeds.calendar.feedCategory', { category: catLabel(category) })
              : t('eventFeeds.calendar.feedAll')}
          </a>
        </p>
      </section>
    </>
  );
}
