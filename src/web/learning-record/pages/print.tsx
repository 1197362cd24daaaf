// The learner's record as a printable page (the browser prints it or saves it as PDF): the hours table and the
// full timeline, without forms or menus when printed.
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { HoursChart } from '../components/HoursChart.tsx';
import { HoursTable } from '../components/HoursTable.tsx';
import { Timeline } from '../components/Timeline.tsx';
import styles from '../learning-record.css?url';
import { recordView } from '../record-view.server.ts';
import type { Route } from './+types/print.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    return await recordView(deps, actor, request, locale);
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PrintableRecord({ loaderData: r }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('lrs.record.printTitle')} — Suốt Đời`}</title>
      <h1>{t('lrs.record.of', { name: r.learnerName })}</h1>
      <p className="muted">{t('lrs.record.printedOn', { date: r.today })}</p>
      <h2 id="lr-hours">{t('lrs.record.hours')}</h2>
      {r.table.totals.every((y) => y.hours === 0) ? (
        <p>{t('lrs.record.noHours')}</p>
      ) : (
        <>
          <HoursChart data={r.table} label={t('lrs.record.chartLabel')} />
          <HoursTable data={r.table} />
        </>
      )}
      {r.streak ? (
        <>
          <h2>{t('lrs.record.streak')}</h2>
          <p>
            {t('lrs.record.streakLongest', { days: r.streak.longest })} ·{' '}
            {t('lrs.record.activeDays', { days: r.streak.activeDays })}
          </p>
        </>
      ) : null}
      <h2>{t('lrs.record.timeline')}</h2>
      <Timeline items={r.timeline} />
    </>
  );
}
