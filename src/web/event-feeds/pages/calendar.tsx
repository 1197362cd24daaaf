// Public month view of events: a server-rendered grid (commemorative days highlighted) and the same month as a
// list by day. Plain GET form and links; no JavaScript.
import { isoDateInVietnam } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { groupByDay, type SessionRow, sessionRow } from '../../../modules/event-feeds/calendar.presenters.ts';
import { adjacentMonths, monthGrid, occurrencesOn } from '../../../modules/event-feeds/calendar.ts';
import { DAY_LIMIT, monthView, PER_DAY } from '../../../modules/event-feeds/calendar.usecases.server.ts';
import { CalendarQuerySchema } from '../../../modules/event-feeds/event-feeds.schemas.server.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../../../modules/events/events.vocab.ts';
import { requestContext } from '../../context.ts';
import styles from '../../events/event-calendar.css?url';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { viData } from '../../ui/data-lang.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import { pluralKey } from '../../ui/plural.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import type { Route } from './+types/calendar.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of ['month', 'day', 'category'] as const) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = CalendarQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const today = isoDateInVietnam(deps.now());
  const ym = query.month ?? query.day?.slice(0, 7) ?? today.slice(0, 7);
  const [year, month] = ym.split('-').map(Number) as [number, number];
  try {
    const view = await monthView(deps, actor, { year, month, day: query.day, category: query.category });
    return queryAnswer(
      {
        invalid: !parsed.success,
        year,
        month,
        today,
        category: query.category ?? null,
        truncated: view.truncated,
        perDay: PER_DAY,
        dayLimit: DAY_LIMIT,
        signedIn: actor.kind === 'user',
        here: url.pathname + url.search,
        day: view.day,
        counts: view.counts,
        rows: view.sessions.map(sessionRow),
        occurrences: view.occurrences,
      },
      parsed.error,
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

const monthParam = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

export default function EventsCalendar({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const vi = viData(locale);
  const href = useHref();
  const { year, month, rows, occurrences, category, today, counts, day, perDay } = loaderData;
  const byDay = groupByDay(rows);
  const { prev, next } = adjacentMonths(year, month);
  const cat = category ? `&category=${encodeURIComponent(category)}` : '';
  const qs = (y: number, m: number) => `?month=${monthParam(y, m)}${cat}`;
  const dayHref = (d: string) => href(`/events/calendar?month=${d.slice(0, 7)}&day=${d}${cat}#list`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // The whole month lists each day's first sessions (the grid's) and links the rest; a day lists its own.
  const dayList = day ? byDay.get(day) : undefined;
  const listed = day ? (dayList ? [[day, dayList] as const] : []) : [...byDay.entries()];
  const showDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  const title = t('eventFeeds.calendar.title', { month, year });
  const catLabel = (c: string) => t(`eventFeeds.category.${c as EventCategory}` as MessageKey);
  const feedHref = category ? `/feeds/categories/${category}.ics` : '/feeds/events.ics';
  // A function, not a component per link: the grid and the list render ~200 of them (profiled, issue 17).
  const eventLink = (row: SessionRow) => (
    <a
      href={row.externalUrl ?? href(`/events/${row.eventId}`)}
      className={row.cancelled ? 'cal-cancelled' : undefined}
      {...vi}
    >
      {row.title}
    </a>
  );
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <meta name="description" content={t('eventFeeds.calendar.metaDescription')} />
      <h1>{title}</h1>
      {loaderData.invalid ? (
        <FilterProblems summary="eventFeeds.calendar.invalidFilters" problems={loaderData.problems} />
      ) : null}
      <form method="get" className="filters">
        <TextField
          id="cal-month"
          label={t('eventFeeds.calendar.month')}
          name="month"
          type="month"
          defaultValue={monthParam(year, month)}
        />
        <SelectField
          id="cal-category"
          label={t('eventFeeds.calendar.category')}
          name="category"
          defaultValue={category ?? ''}
        >
          <option value="">{t('eventFeeds.calendar.allCategories')}</option>
          {EVENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {catLabel(c)}
            </option>
          ))}
        </SelectField>
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
      <ScrollRegion>
        <table className="cal-grid">
          <caption>{t('eventFeeds.calendar.gridCaption', { month, year, count: total })}</caption>
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
                  const dayRows = cell.inMonth ? (byDay.get(cell.day) ?? []).slice(0, perDay) : [];
                  const count = cell.inMonth ? (counts[cell.day] ?? 0) : 0;
                  const classes = [
                    cell.inMonth ? '' : 'cal-out',
                    marks.length && cell.inMonth ? 'cal-marked' : '',
                    cell.day === today ? 'cal-today' : '',
                  ].filter(Boolean);
                  return (
                    <td key={cell.day} className={classes.join(' ') || undefined}>
                      <span className="cal-num">
                        {count ? <a href={dayHref(cell.day)}>{cell.dayOfMonth}</a> : cell.dayOfMonth}
                      </span>
                      {cell.inMonth
                        ? marks.map((m) => (
                            <span key={m.code} className="cal-mark">
                              <span aria-hidden="true">★ </span>
                              <span className="cal-mark-name" {...vi}>
                                {m.name}
                              </span>
                              <span className="visually-hidden cal-count-only" {...vi}>
                                {m.name}
                              </span>
                            </span>
                          ))
                        : null}
                      {count ? (
                        <>
                          <ul className="cal-cell-list">
                            {dayRows.map((r) => (
                              <li key={r.sessionId}>{eventLink(r)}</li>
                            ))}
                          </ul>
                          {count > dayRows.length ? (
                            <a href={dayHref(cell.day)} className="cal-cell-list">
                              {t('eventFeeds.calendar.more', { count: count - dayRows.length })}
                            </a>
                          ) : null}
                          <span className="cal-count-only">
                            <span className="cal-pill" aria-hidden="true">
                              {count}
                            </span>
                            <span className="visually-hidden">
                              {t(pluralKey(locale, 'portal.cal.count', count), { count })}
                            </span>
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
      </ScrollRegion>
      <h2 id="list">
        {day
          ? t('eventFeeds.calendar.dayHeading', { day: showDay(day) })
          : t('eventFeeds.calendar.listHeading')}
      </h2>
      {day ? (
        <p>
          <a href={href(`/events/calendar${qs(year, month)}`)}>{t('eventFeeds.calendar.wholeMonth')}</a>
        </p>
      ) : null}
      {day && loaderData.truncated ? (
        <p className="muted">
          {t('eventFeeds.calendar.dayTruncated', { count: counts[day] ?? 0, limit: loaderData.dayLimit })}
        </p>
      ) : null}
      {listed.length === 0 ? <p>{t('eventFeeds.calendar.empty')}</p> : null}
      {listed.map(([d, list]) => (
        <section key={d} id={`day-${d}`} aria-labelledby={`day-${d}-h`}>
          <h3 id={`day-${d}-h`}>
            {showDay(d)}
            {occurrencesOn(occurrences, d).map((m) => (
              <span key={m.code} className="cal-mark" {...vi}>
                {m.name}
              </span>
            ))}
          </h3>
          <ul className="cal-day-list">
            {list.map((r) => (
              <li key={r.sessionId}>
                <strong>{eventLink(r)}</strong>{' '}
                {r.external ? (
                  <span className="badge cal-external">{t('eventFeeds.calendar.external')}</span>
                ) : null}{' '}
                {r.cancelled ? <span className="badge">{t('eventFeeds.calendar.cancelled')}</span> : null}
                <br />
                {r.time} · {catLabel(r.category)} · <span {...vi}>{r.unitName}</span>
                {r.placeName ? (
                  <>
                    {' · '}
                    <span {...vi}>{r.placeName}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {!day && (counts[d] ?? 0) > list.length ? (
            <p>
              <a href={dayHref(d)}>
                {t('eventFeeds.calendar.dayAll', { count: counts[d] ?? 0, day: showDay(d) })}
              </a>
            </p>
          ) : null}
        </section>
      ))}
      {loaderData.signedIn ? (
        <section aria-labelledby="cal-follow-h">
          <h2 id="cal-follow-h">{t('follows.title')}</h2>
          {category ? (
            <form method="post" action={href('/account/follows')} className="inline-form">
              <input type="hidden" name="intent" value="follow" />
              <FormToken />
              <input type="hidden" name="kind" value="category" />
              <input type="hidden" name="target" value={category} />
              <input type="hidden" name="returnTo" value={loaderData.here} />
              <button type="submit">
                {t('eventFeeds.calendar.followCategory', { category: catLabel(category) })}
              </button>
            </form>
          ) : null}{' '}
          <a href={href('/account/follows')}>{t('eventFeeds.calendar.myFollows')}</a>
        </section>
      ) : null}
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
