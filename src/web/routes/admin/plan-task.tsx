// Back office: one plan task as the source wrote it, and the yearly instances it expands into.
import { formatDate } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { getPlanTask } from '../../../modules/plan/plan.usecases.ts';
import { phaseLabel, planTaskRow, planTimeLabel } from '../../components/plan-task-view.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../page-errors.ts';
import type { Route } from './+types/plan-task.ts';

const STATUS_KEYS: Record<string, MessageKey> = {
  not_started: 'planwork.status.not_started',
  in_progress: 'planwork.status.in_progress',
  done: 'planwork.status.done',
  not_done: 'planwork.status.not_done',
};

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const task = await getPlanTask(deps, actor, params.taskId);
    return {
      task: {
        ...planTaskRow(task),
        sourceKey: task.sourceKey,
        leadUnitsText: task.leadUnitsText,
        coordinatingUnitsText: task.coordinatingUnitsText,
        timeText: task.timeText,
      },
      instances: task.instances.map((i) => ({
        id: i.id,
        year: i.year,
        dueDate: i.dueDate ? formatDate(`${i.dueDate}T00:00:00+07:00`) : null,
        status: i.status,
        inferred: i.yearInferred,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PlanTaskPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { task, instances } = loaderData;
  const title = t('plan.task.title', {
    section: task.section,
    number: task.number,
    phase: phaseLabel(task.phase),
  });
  const statusKey = (s: string) => STATUS_KEYS[s];
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/plan/tasks')}>{t('plan.task.back')}</a>
      </p>
      <h1>{title}</h1>
      <h2>{t('plan.task.sourceHeading')}</h2>
      <dl className="plan-source">
        <dt>{t('plan.task.sectionLabel', { section: task.section })}</dt>
        <dd>{task.sectionTitle}</dd>
        <dt>{t('plan.col.content')}</dt>
        <dd>{task.content}</dd>
        <dt>{t('plan.col.product')}</dt>
        <dd>{task.product}</dd>
        <dt>{t('plan.col.lead')}</dt>
        <dd>{task.leadUnitsText || t('plan.task.none')}</dd>
        <dt>{t('plan.col.coordinating')}</dt>
        <dd>{task.coordinatingUnitsText || t('plan.task.none')}</dd>
        <dt>{t('plan.col.time')}</dt>
        <dd>{task.timeText || planTimeLabel(t, task.time)}</dd>
      </dl>
      <h2>{t('plan.task.instancesHeading')}</h2>
      {task.time.kind === 'unspecified' ? (
        <p>
          <strong>{t('plan.task.inferredNote')}</strong>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{t('plan.task.instancesCaption', { count: instances.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.col.year')}</th>
              <th scope="col">{t('plan.col.dueDate')}</th>
              <th scope="col">{t('plan.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {instances.map((i) => {
              const key = statusKey(i.status);
              return (
                <tr key={i.id}>
                  <th scope="row">
                    <a href={href(`/admin/plan/instances/${i.id}`)}>{i.year}</a>
                    {i.inferred ? (
                      <>
                        {' '}
                        <span className="badge">{t('plan.yearInferred')}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{i.dueDate ?? t('plan.task.noDueDate')}</td>
                  <td>{key ? t(key) : i.status}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
