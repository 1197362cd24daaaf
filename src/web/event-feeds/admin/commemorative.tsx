// Back office: the commemorative days of a year and, for each, which units have planned events and which have
// not — what the focal point follows up before 21/4, the Lifelong-Learning Week and the other days.
import { isoDateInVietnam } from '../../../lib/dates.ts';
import { commemorativeOverview } from '../../../modules/event-feeds/calendar.usecases.server.ts';
import { CommemorativeQuerySchema } from '../../../modules/event-feeds/event-feeds.schemas.server.ts';
import { requestContext } from '../../context.ts';
import styles from '../../events/event-calendar.css?url';
import { useHref, useT } from '../../i18n.ts';
import { SelectField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/commemorative.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const FIRST_YEAR = 2023;
const LAST_YEAR = 2030;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const current = Number(isoDateInVietnam(deps.now()).slice(0, 4));
  const parsed = CommemorativeQuerySchema.safeParse({
    year: url.searchParams.get('year') ?? String(current),
  });
  const year = parsed.success ? parsed.data.year : current;
  try {
    const days = await commemorativeOverview(deps, actor, year);
    return queryAnswer({ year, invalid: !parsed.success, days }, parsed.error);
  } catch (e) {
    rethrowForPage(e);
  }
}

const showDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export default function CommemorativeCalendar({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { year, days } = loaderData;
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  return (
    <>
      <title>{`${t('eventFeeds.commemorative.title', { year })} — Suốt Đời`}</title>
      <h1>{t('eventFeeds.commemorative.title', { year })}</h1>
      <p className="muted">{t('eventFeeds.commemorative.intro')}</p>
      {loaderData.invalid ? (
        <FilterProblems summary="eventFeeds.commemorative.invalidYear" problems={loaderData.problems} />
      ) : null}
      <form method="get" className="filters">
        <SelectField
          id="comm-year"
          label={t('eventFeeds.commemorative.year')}
          name="year"
          defaultValue={String(year)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('eventFeeds.calendar.show')}</button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>{t('eventFeeds.commemorative.summaryCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eventFeeds.commemorative.day')}</th>
              <th scope="col">{t('eventFeeds.commemorative.dates')}</th>
              <th scope="col">{t('eventFeeds.commemorative.unitsWith')}</th>
              <th scope="col">{t('eventFeeds.commemorative.unitsWithout')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.occurrence.code}>
                <th scope="row">
                  <a href={`#${d.occurrence.code}`}>{d.occurrence.name}</a>
                </th>
                <td>
                  {d.occurrence.start === d.occurrence.end
                    ? showDay(d.occurrence.start)
                    : `${showDay(d.occurrence.start)} – ${showDay(d.occurrence.end)}`}
                </td>
                <td>{d.withEvents.length}</td>
                <td>{d.withoutEvents.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {days.map((d) => (
        <section key={d.occurrence.code} id={d.occurrence.code} aria-labelledby={`${d.occurrence.code}-h`}>
          <h2 id={`${d.occurrence.code}-h`}>
            {d.occurrence.name} ({showDay(d.occurrence.start)}
            {d.occurrence.start === d.occurrence.end ? '' : ` – ${showDay(d.occurrence.end)}`})
          </h2>
          <p>
            <a href={href(`/events/calendar?month=${d.occurrence.start.slice(0, 7)}`)}>
              {t('eventFeeds.commemorative.openMonth')}
            </a>
          </p>
          <div className="coverage-grid">
            <div>
              <h3 className="small-heading">
                {t('eventFeeds.commemorative.withHeading', { count: d.withEvents.length })}
              </h3>
              {d.withEvents.length ? (
                <ul>
                  {d.withEvents.map((u) => (
                    <li key={u.unitId}>
                      {u.name} —{' '}
                      {t('eventFeeds.commemorative.eventCount', { count: u.events, published: u.published })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('eventFeeds.commemorative.none')}</p>
              )}
            </div>
            <div>
              <h3 className="small-heading">
                {t('eventFeeds.commemorative.withoutHeading', { count: d.withoutEvents.length })}
              </h3>
              {d.withoutEvents.length ? (
                <ul>
                  {d.withoutEvents.map((u) => (
                    <li key={u.unitId}>{u.name}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('eventFeeds.commemorative.allCovered')}</p>
              )}
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
