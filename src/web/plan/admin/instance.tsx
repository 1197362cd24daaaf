// Back office: one yearly instance of a plan task as live work — each unit's part (assignee, progress,
// evidence, workflow) that the reader may see, the forms they may use, and the timeline. Every form posts
// to this route's action (`intent` says which) and works without JavaScript.
import { data, redirect } from 'react-router';
import { formatDateTime, formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { addLinkEvidence, removeEvidence } from '../../../modules/plan/work/evidence.usecases.server.ts';
import { saveProgress, transitionReport } from '../../../modules/plan/work/progress.usecases.server.ts';
import {
  AssignSchema,
  CommentSchema,
  DueDateSchema,
  IdSchema,
  LinkEvidenceSchema,
  ProgressSchema,
  TransitionSchema,
} from '../../../modules/plan/work/work.schemas.server.ts';
import {
  assignUnitPart,
  commentOnInstance,
  getInstanceView,
  setInstanceDueDate,
} from '../../../modules/plan/work/work.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formDay, formValues, optionalText } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { instanceOverdue, OverdueTag } from '../components/OverdueTag.tsx';
import { PlanTimeline } from '../components/PlanTimeline.tsx';
import { phaseLabel } from '../components/task-view.ts';
import { UnitPartSection } from '../components/UnitPartSection.tsx';
import {
  DONE_NOTICES,
  fieldForPlanError,
  INSTANCE_FIELDS,
  linkMessages,
  partField,
  progressMessages,
} from '../work-forms.ts';
import type { Route } from './+types/instance.ts';
import { linkedRecords } from './instance-links.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    if (!IdSchema.safeParse(params.instanceId).success) throw data(null, { status: 404 });
    const v = await getInstanceView(deps, actor, params.instanceId);
    return {
      notice: doneNotice(request.url, DONE_NOTICES),
      instance: {
        id: v.instance.id,
        year: v.instance.year,
        dueDate: v.instance.dueDate,
        dueLabel: v.instance.dueDate ? formatIsoDay(v.instance.dueDate) : null,
        status: v.instance.status,
        overdue: instanceOverdue(v.instance, isoDateInVietnam(deps.now())),
        version: v.instance.version,
      },
      task: {
        id: v.task.id,
        section: v.task.section,
        number: v.task.number,
        phase: v.task.phase,
        content: v.task.content,
        product: v.task.product,
      },
      parts: v.parts.map((p) => ({
        unit: p.unit,
        can: p.can,
        candidates: p.candidates.map((c) => ({ id: c.userId, label: `${c.name} (${c.email})` })),
        report: p.report
          ? {
              assigneeId: p.report.assigneeId,
              assigneeName: p.report.assigneeName,
              status: p.report.status,
              statusReason: p.report.statusReason,
              percent: p.report.percent,
              narrative: p.report.narrative,
              state: p.report.state,
              returnComment: p.report.returnComment,
              version: p.report.version,
              updatedAt: formatDateTime(p.report.updatedAt),
            }
          : null,
        evidence: p.evidence.map((e) => ({
          id: e.id,
          kind: e.kind,
          title: e.title,
          url: e.url,
          recordType: e.recordType,
          recordId: e.recordId,
          size: e.fileSize,
        })),
      })),
      hiddenParts: v.hiddenParts,
      events: v.events.map((e) => ({
        id: e.id,
        at: formatDateTime(e.at),
        kind: e.kind,
        unitName: e.unitName,
        fromState: e.fromState,
        toState: e.toState,
        comment: e.comment,
        actorName: e.actorName,
      })),
      can: v.can,
      ...(await linkedRecords(deps, v.instance.id)),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = formValues(form, INSTANCE_FIELDS);
  const { intent, unitId } = values;
  const instanceId = params.instanceId;
  const back = (done: string) =>
    redirect(
      `${localePath(locale, `/admin/plan/instances/${instanceId}`)}?done=${done}${unitId ? `#part-${unitId}` : ''}`,
      303,
    );
  try {
    if (!IdSchema.safeParse(instanceId).success) throw data(null, { status: 404 });
    const part = { instanceId, unitId };
    switch (intent) {
      case 'progress': {
        const parsed = ProgressSchema.safeParse({
          version: values.version,
          status: values.status,
          statusReason: optionalText(values.statusReason),
          percent: values.percent === '' ? '0' : values.percent,
          narrative: values.narrative,
        });
        if (!parsed.success) return invalid(issuesToMessages(parsed.error, progressMessages(unitId)), values);
        await saveProgress(deps, actor, { ...part, ...parsed.data });
        return back('progress');
      }
      case 'ready':
      case 'submit':
      case 'approve':
      case 'return': {
        const parsed = TransitionSchema.safeParse({
          version: values.version,
          comment: optionalText(values.comment),
        });
        if (!parsed.success) return invalid([{ key: 'error.validation' }], values);
        await transitionReport(deps, actor, { ...part, ...parsed.data, transition: intent });
        return back(intent);
      }
      case 'assign': {
        const parsed = AssignSchema.safeParse({
          assigneeId: values.assigneeId || null,
          version: Number(values.version || 'x'),
        });
        if (!parsed.success)
          return invalid(
            [{ key: 'planwork.error.assigneeInvalid', field: partField('assignee', unitId) }],
            values,
          );
        await assignUnitPart(deps, actor, { ...part, ...parsed.data });
        return back('assign');
      }
      case 'due': {
        const parsed = DueDateSchema.safeParse({
          dueDate: formDay(values.dueDate) ?? '',
          version: Number(values.version || 'x'),
        });
        if (!parsed.success) return invalid([{ key: 'planwork.invalid.dueDate', field: 'due-date' }], values);
        await setInstanceDueDate(deps, actor, { instanceId, ...parsed.data });
        return back('due');
      }
      case 'comment': {
        const parsed = CommentSchema.safeParse({ comment: values.comment });
        if (!parsed.success)
          return invalid([{ key: 'planwork.invalid.comment', field: 'instance-comment' }], values);
        await onceForm(deps, actor, 'plan.comment.create', form, (d) =>
          commentOnInstance(d, actor, { instanceId, comment: parsed.data.comment }),
        );
        return back('comment');
      }
      case 'link':
      case 'record': {
        const parsed = LinkEvidenceSchema.safeParse(
          intent === 'link'
            ? { kind: 'link', title: values.title, url: values.url }
            : {
                kind: 'record',
                title: values.title,
                recordType: values.recordType,
                recordId: values.recordId,
              },
        );
        if (!parsed.success)
          return invalid(issuesToMessages(parsed.error, linkMessages(unitId, intent)), values);
        await onceForm(deps, actor, 'plan.evidence.create', form, (d) =>
          addLinkEvidence(d, actor, part, parsed.data),
        );
        return back('evidence');
      }
      case 'removeEvidence': {
        if (!IdSchema.safeParse(values.evidenceId).success) throw data(null, { status: 404 });
        await removeEvidence(deps, actor, { ...part, evidenceId: values.evidenceId });
        return back('removeEvidence');
      }
      default:
        return invalid([{ key: 'error.validation' }], values);
    }
  } catch (e) {
    // A 404 (another unit's part, a guessed id) is the page's status, not a form message.
    if (isAppError(e) && e.status === 404) rethrowForPage(e);
    return failure(e, values, isAppError(e) ? fieldForPlanError(e.code, intent, unitId) : undefined);
  }
}

export default function PlanInstancePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { instance, task, parts, events } = loaderData;
  const values = actionData?.values;
  const title = t('planwork.instance.title', {
    section: task.section,
    number: task.number,
    year: instance.year,
  });
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <p>
        <a href={href(`/admin/plan/tasks/${task.id}`)}>{t('planwork.instance.backToTask')}</a>
        {' · '}
        <a href={href('/admin/plan/my-work')}>{t('planwork.myWork.title')}</a>
        {' · '}
        <a href={href(`/admin/plan/budget/instances/${instance.id}`)}>
          {t('planBudget.instance.budgetLink')}
        </a>
      </p>
      <h1>{title}</h1>
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <dl className="details-list">
        <dt>{t('plan.col.content')}</dt>
        <dd>{task.content}</dd>
        <dt>{t('plan.col.product')}</dt>
        <dd>{task.product}</dd>
        <dt>{t('plan.filter.phase')}</dt>
        <dd>{phaseLabel(task.phase)}</dd>
        <dt>{t('plan.col.dueDate')}</dt>
        <dd>{instance.dueLabel ?? t('plan.task.noDueDate')}</dd>
        <dt>{t('plan.col.status')}</dt>
        <dd>
          {t(`planwork.status.${instance.status as 'not_started'}`)}
          <OverdueTag overdue={instance.overdue} />
        </dd>
      </dl>
      {loaderData.can.assign ? (
        <form method="post" className="inline-form">
          <input type="hidden" name="intent" value="due" />
          <input type="hidden" name="version" value={instance.version} />
          <TextField
            id="due-date"
            label={t('planwork.due.label')}
            name="dueDate"
            type="date"
            required
            defaultValue={values?.intent === 'due' ? values.dueDate : (instance.dueDate ?? '')}
          />
          <button type="submit">{t('planwork.due.submit')}</button>
        </form>
      ) : null}

      <h2>{t('planwork.parts.heading')}</h2>
      {parts.length === 0 ? <p>{t('planwork.parts.none')}</p> : null}
      {parts.map((p) => (
        <UnitPartSection
          key={p.unit.id}
          part={p}
          values={values?.unitId === p.unit.id ? values : undefined}
          instancePath={`/admin/plan/instances/${instance.id}`}
        />
      ))}
      {loaderData.hiddenParts > 0 ? (
        <p className="muted">{t('planwork.parts.hidden', { count: loaderData.hiddenParts })}</p>
      ) : null}

      {loaderData.evidence.map((g) => (
        <section key={g.module} aria-labelledby={`linked-${g.module}`}>
          <h2 id={`linked-${g.module}`}>{t(g.heading)}</h2>
          <ul>
            {g.items.map((item) => (
              <li key={item.id}>
                <a href={href(item.href)}>{item.text}</a>
                {item.note ? (
                  <>
                    {' '}
                    <span className="muted">({'key' in item.note ? t(item.note.key) : item.note.text})</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <h2 id="timeline">{t('planwork.timeline.heading')}</h2>
      <PlanTimeline events={events} />
      {loaderData.can.comment ? (
        <form method="post" className="stack-form">
          <input type="hidden" name="intent" value="comment" />
          <FormToken />
          <TextArea
            id="instance-comment"
            label={t('planwork.comment.label')}
            name="comment"
            rows={3}
            required
            maxLength={2000}
            defaultValue={values?.intent === 'comment' ? values.comment : ''}
          />
          <button type="submit">{t('planwork.comment.submit')}</button>
        </form>
      ) : null}
    </>
  );
}
