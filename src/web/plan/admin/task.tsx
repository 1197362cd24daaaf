// Back office: one plan task as the source wrote it, and the yearly instances it expands into.
import { data, redirect } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { formatDate, formatDateTime, isoDateInVietnam } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { getPlanTask } from '../../../modules/plan/plan.usecases.server.ts';
import {
  EditTaskSchema,
  editPlanTask,
  listOpenUnits,
  listTaskEdits,
} from '../../../modules/plan/tasks/task-edit.usecases.server.ts';
import { taskWorkSummary } from '../../../modules/plan/work/work.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import {
  conflictForm,
  conflictOf,
  formVersion,
  submittedOf,
  versionForForm,
} from '../../ui/version-forms.ts';
import { instanceOverdue, OverdueTag } from '../components/OverdueTag.tsx';
import { TaskForm } from '../components/TaskForm.tsx';
import { phaseLabel, planTaskRow, planTimeLabel } from '../components/task-view.ts';
import { readTaskForm, TASK_MESSAGES, taskFormValues } from '../task-forms.ts';
import type { Route } from './+types/task.ts';

const STATUS_KEYS: Record<string, MessageKey> = {
  not_started: 'planwork.status.not_started',
  in_progress: 'planwork.status.in_progress',
  done: 'planwork.status.done',
  not_done: 'planwork.status.not_done',
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const task = await getPlanTask(deps, actor, params.taskId);
    const canManage = can(actor, 'plan.task.manage');
    const [summary, edits, units] = await Promise.all([
      taskWorkSummary(deps, actor, task),
      listTaskEdits(deps, actor, task.id),
      canManage ? listOpenUnits(deps, actor) : Promise.resolve([]),
    ]);
    return {
      notice: doneNotice(request.url, {
        added: 'planwork.task.done.added',
        edited: 'planwork.task.done.edited',
      }),
      canManage,
      units,
      summary: summary.map((r) => ({ ...r, key: `${r.instanceId}-${r.unitId}` })),
      edits: edits.map((e) => ({
        id: e.id,
        at: formatDateTime(e.at),
        actor: e.actorName,
        reason: e.reason,
        created: e.before === null,
      })),
      version: task.version,
      form: taskFormValues(task),
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
        overdue: instanceOverdue(i, isoDateInVietnam(deps.now())),
        inferred: i.yearInferred,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const version = formVersion(form);
  const { input, values } = readTaskForm(form);
  const fail = (errors: FormMessage[], status: number) => data({ errors, values }, { status });
  const parsed = EditTaskSchema.safeParse({ ...input, version });
  if (!parsed.success) return fail(issuesToMessages(parsed.error, TASK_MESSAGES), 422);
  try {
    await editPlanTask(deps, actor, params.taskId, parsed.data);
    return redirect(`${localePath(locale, `/admin/plan/tasks/${params.taskId}`)}?done=edited`, 303);
  } catch (e) {
    if (isVersionConflict(e)) {
      const now = await getPlanTask(deps, actor, params.taskId);
      const saved = taskFormValues(now);
      // Units are compared by name (the form itself keeps their ids).
      const names = new Map((await listOpenUnits(deps, actor)).map((u) => [u.id, u.name]));
      const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id);
      return conflictForm(
        {
          ...values,
          version: String(version),
          leadNames: named(values.lead),
          coordinatingNames: named(values.coordinating),
        },
        {
          version: now.version,
          saved: {
            ...saved,
            yearly: saved.yearly ? '1' : '',
            leadNames: now.leadUnits.map((u) => u.name),
            coordinatingNames: now.coordinatingUnits.map((u) => u.name),
          },
        },
        'task-content',
      );
    }
    if (!isAppError(e) || [401, 403, 404].includes(e.status)) rethrowForPage(e);
    return fail([{ key: e.messageKey }], e.status);
  }
}

export default function PlanTaskPage({ loaderData, actionData }: Route.ComponentProps) {
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
        {' · '}
        <a href={href('/admin/plan/timeline')}>{t('planTimeline.nav')}</a>
      </p>
      <h1>{title}</h1>
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={{
          content: t('plan.col.content'),
          product: t('plan.col.product'),
          leadNames: t('plan.col.lead'),
          coordinatingNames: t('plan.col.coordinating'),
          timeFrom: `${t('plan.col.time')} — ${t('planwork.task.from')}`,
          timeTo: `${t('plan.col.time')} — ${t('planwork.task.to')}`,
        }}
      />
      <h2>{t('plan.task.sourceHeading')}</h2>
      <dl className="plan-source">
        <dt>{t('plan.task.sectionLabel', { section: task.section })}</dt>
        <dd>{task.sectionTitle}</dd>
        <dt>{t('plan.col.content')}</dt>
        <dd>{task.content}</dd>
        <dt>{t('plan.col.product')}</dt>
        <dd>{task.product}</dd>
        <dt>{t('plan.col.lead')}</dt>
        <dd>{task.leadUnitsText || task.lead.join('; ') || t('plan.task.none')}</dd>
        <dt>{t('plan.col.coordinating')}</dt>
        <dd>{task.coordinatingUnitsText || task.coordinating.join('; ') || t('plan.task.none')}</dd>
        <dt>{t('plan.col.time')}</dt>
        <dd>{task.timeText || planTimeLabel(t, task.time)}</dd>
      </dl>
      <h2>{t('plan.task.instancesHeading')}</h2>
      {task.time.kind === 'unspecified' ? (
        <p>
          <strong>{t('plan.task.inferredNote')}</strong>
        </p>
      ) : null}
      <ScrollRegion>
        <table>
          <caption>{t('plan.task.instancesCaption', { count: instances.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.col.year')}</th>
              <th scope="col">{t('plan.col.dueDate')}</th>
              <th scope="col">{t('plan.col.status')}</th>
              <th scope="col">{t('planwork.task.unitsProgress')}</th>
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
                  <td>
                    {key ? t(key) : i.status}
                    <OverdueTag overdue={i.overdue} />
                  </td>
                  <td>
                    <ul className="cell-list">
                      {loaderData.summary
                        .filter((r) => r.instanceId === i.id)
                        .map((r) => (
                          <li key={r.key}>
                            {r.unitName}: {t(`planwork.state.${r.state}`)}, {t(`planwork.status.${r.status}`)}{' '}
                            ({r.percent}%)
                          </li>
                        ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>{t('planwork.task.historyHeading')}</h2>
      {loaderData.edits.length === 0 ? (
        <p>{t('planwork.task.noEdits')}</p>
      ) : (
        <ol className="plain-list">
          {loaderData.edits.map((e) => (
            <li key={e.id}>
              <strong>{e.at}</strong> — {e.actor ?? t('planwork.event.system')}:{' '}
              {t(e.created ? 'planwork.task.created' : 'planwork.task.edited')} —{' '}
              {t('planwork.task.reasonLabel')} {e.reason}
            </li>
          ))}
        </ol>
      )}
      {loaderData.canManage ? (
        <details open={Boolean(actionData?.errors)}>
          <summary>{t('planwork.task.edit')}</summary>
          <TaskForm
            mode="edit"
            values={actionData?.values ?? loaderData.form}
            units={loaderData.units}
            version={versionForForm(loaderData.version, actionData)}
          />
        </details>
      ) : null}
    </>
  );
}
