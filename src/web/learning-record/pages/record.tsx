// "Hồ sơ học tập": the signed-in learner's record — timeline, hours per category and year (SVG chart with the
// same figures as a table), streaks, this year's goal, and downloads (xAPI JSON, printable page). No script.

import { t as translate } from '../../../lib/i18n.server.ts';
import { currentLearner } from '../../../modules/learners/index.server.ts';
import { setLearningAnalytics, setLearningGoal } from '../../../modules/lrs/lrs-record.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { HoursChart } from '../components/HoursChart.tsx';
import { HoursTable } from '../components/HoursTable.tsx';
import { Timeline } from '../components/Timeline.tsx';
import styles from '../learning-record.css?url';
import { recordView } from '../record-view.server.ts';
import type { Route } from './+types/record.ts';

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

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  if (intent === 'analytics-off' || intent === 'analytics-on') {
    const learner = await currentLearner(actor, request);
    if (!learner) throw new Response(null, { status: 401 });
    const notice = translate(locale, 'lrs.analytics.notice');
    await setLearningAnalytics(deps, learner, intent === 'analytics-on', notice);
    return { ok: true as const, analytics: intent, errors: undefined, values: undefined };
  }
  const values = { hours: formText(form, 'hours'), year: formText(form, 'year') };
  const hours = Number(values.hours);
  if (!/^\d{1,4}$/.test(values.hours))
    return invalid([{ field: 'goal-hours', key: 'lrs.error.goalHours' }], values);
  try {
    const learner = await currentLearner(actor, request);
    if (!learner) throw new Response(null, { status: 401 });
    await setLearningGoal(deps, learner, { year: Number(values.year), hours });
    return { ok: true as const, errors: undefined, values };
  } catch (e) {
    if (e instanceof Response) throw e;
    return failure(e, values, 'goal-hours');
  }
}

export default function LearningRecord({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const r = loaderData;
  return (
    <>
      <title>{`${t('lrs.record.title')} — Suốt Đời`}</title>
      <h1>{t('lrs.record.of', { name: r.learnerName })}</h1>
      <p className="muted">{t('lrs.record.intro')}</p>
      <ErrorSummary errors={actionData?.ok ? undefined : actionData?.errors} />
      <section aria-labelledby="lr-analytics" className="lr-analytics">
        <h2 id="lr-analytics">{t('lrs.analytics.title')}</h2>
        {r.analyticsOff === 'restricted' ? (
          <p>{t('lrs.analytics.restricted')}</p>
        ) : (
          <form method="post">
            <input type="hidden" name="intent" value={r.analyticsOff ? 'analytics-on' : 'analytics-off'} />
            <p>
              <strong>{r.analyticsOff ? t('lrs.analytics.offNote') : t('lrs.analytics.onNote')}</strong>
            </p>
            {r.analyticsOff === 'notGiven' ? <p>{t('lrs.analytics.optIn')}</p> : null}
            <p className="muted">{t('lrs.analytics.notice')}</p>
            <button type="submit" className={r.analyticsOff ? undefined : 'secondary'}>
              {r.analyticsOff ? t('lrs.analytics.turnOn') : t('lrs.analytics.turnOff')}
            </button>
          </form>
        )}
      </section>
      {r.streak ? (
        <section aria-labelledby="lr-streak">
          <h2 id="lr-streak">{t('lrs.record.streak')}</h2>
          <ul>
            <li>{t('lrs.record.streakCurrent', { days: r.streak.current })}</li>
            <li>{t('lrs.record.streakLongest', { days: r.streak.longest })}</li>
            <li>{t('lrs.record.activeDays', { days: r.streak.activeDays })}</li>
          </ul>
        </section>
      ) : null}
      {r.analyticsOff ? null : (
        <section aria-labelledby="lr-goal" className="lr-goal">
          <h2 id="lr-goal">{t('lrs.record.goal', { year: r.year })}</h2>
          {actionData?.ok && !('analytics' in actionData) ? (
            <p className="alert-ok" role="status">
              {t('lrs.record.goalSaved')}
            </p>
          ) : null}
          {r.goal ? (
            <p>
              <label htmlFor="goal-progress">
                {t('lrs.record.goalProgress', {
                  done: r.goal.done.toLocaleString('vi-VN'),
                  hours: r.goal.hours,
                })}
              </label>
              <br />
              <progress id="goal-progress" max={r.goal.hours} value={Math.min(r.goal.done, r.goal.hours)} />
            </p>
          ) : (
            <p>{t('lrs.record.goalNone')}</p>
          )}
          <form method="post" className="filters">
            <input type="hidden" name="year" value={r.year} />
            <TextField
              id="goal-hours"
              label={t('lrs.record.goalHours', { year: r.year })}
              name="hours"
              type="number"
              inputMode="numeric"
              min={1}
              max={2000}
              required
              defaultValue={actionData?.values?.hours ?? (r.goal ? String(r.goal.hours) : '')}
            />
            <button type="submit">{t('lrs.record.goalSave')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="lr-hours">
        <h2 id="lr-hours">{t('lrs.record.hours')}</h2>
        {r.table.totals.every((y) => y.hours === 0) ? (
          <p>{t('lrs.record.noHours')}</p>
        ) : (
          <>
            <HoursChart data={r.table} label={t('lrs.record.chartLabel')} />
            <HoursTable data={r.table} />
          </>
        )}
      </section>
      <section aria-labelledby="lr-timeline">
        <h2 id="lr-timeline">{t('lrs.record.timeline')}</h2>
        <Timeline items={r.timeline} />
      </section>
      <section aria-labelledby="lr-export">
        <h2 id="lr-export">{t('lrs.record.export')}</h2>
        <ul>
          <li>
            <a href={href('/hoc-tap/xapi.json')} download>
              {t('lrs.record.exportJson')}
            </a>
          </li>
          <li>
            <a href={href('/hoc-tap/in')}>{t('lrs.record.print')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
