// Back office: one inspection plan — the units inspected, the visits with their findings, each visit's
// follow-up actions (owner, deadline, closure) — and the forms to record a visit, add an action, close an
// action, close the plan and edit it. Every form posts here (`intent` says which) and works without JS.
import { data } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import {
  addFollowUp,
  addVisit,
  CloseFollowUpSchema,
  closeFollowUp,
  closeInspectionPlan,
  FollowUpInputSchema,
  getInspectionPlan,
  PlanUpdateSchema,
  planFormOptions,
  updateInspectionPlan,
  VisitInputSchema,
} from '../../../modules/inspections/inspections.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formDay, formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { formVersion } from '../../ui/version-forms.ts';
import { PlanForm } from '../components/PlanForm.tsx';
import { PLAN_MESSAGES, planInput, readPlanForm } from '../forms.server.ts';
import type { Route } from './+types/detail.ts';
import { FollowUpList, VisitForms } from './detail-parts.tsx';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getInspectionPlan(deps, actor, params.planId);
    const p = v.plan;
    return {
      plan: {
        id: p.id,
        title: p.title,
        subject: p.subject,
        status: p.status,
        version: p.version,
        period: `${formatIsoDay(p.plannedFrom)} – ${formatIsoDay(p.plannedTo)}`,
      },
      unitName: v.unitName,
      targets: v.targets,
      visits: v.visits.map((visit) => ({
        id: visit.id,
        unitId: visit.unitId,
        unitName: visit.unitName,
        visited: formatIsoDay(visit.visitedOn),
        findings: visit.findings,
        followUps: visit.followUps.map((f) => ({
          id: f.id,
          action: f.action,
          ownerName: f.ownerName,
          due: formatIsoDay(f.dueOn),
          status: f.status,
          closed: f.closedOn ? formatIsoDay(f.closedOn) : null,
          closureNote: f.closureNote,
          overdue: f.overdue,
          onTime: f.onTime,
          canClose: f.canClose,
          version: f.version,
        })),
      })),
      candidates: v.candidates,
      canUpdate: v.canUpdate,
      canClosePlan: v.canClosePlan,
      form: v.canUpdate
        ? {
            options: await planFormOptions(deps, actor),
            values: {
              unitId: p.unitId,
              title: p.title,
              subject: p.subject,
              plannedFrom: p.plannedFrom,
              plannedTo: p.plannedTo,
              targetUnitIds: p.targetUnitIds,
              planInstanceIds: p.planInstanceIds,
            },
          }
        : null,
      done: doneNotice(request.url, { created: 'inspections.done.created' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const DONE: Record<string, MessageKey> = {
  save: 'inspections.done.saved',
  visit: 'inspections.done.visit',
  followup: 'inspections.done.followup',
  close: 'inspections.done.closed',
  closePlan: 'inspections.done.planClosed',
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = String(form.get('intent') ?? '');
  const planId = params.planId;
  const ok = () => ({ ok: true as const, done: DONE[intent] ?? null, errors: undefined, values: undefined });
  if (!DONE[intent]) throw data(null, { status: 400 });
  try {
    if (intent === 'save') {
      const values = readPlanForm(form);
      const parsed = PlanUpdateSchema.safeParse({ ...planInput(values), version: formVersion(form) });
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, PLAN_MESSAGES), values);
      await updateInspectionPlan(deps, actor, planId, parsed.data);
      return ok();
    }
    if (intent === 'visit') {
      const values = formValues(form, ['unitId', 'visitedOn', 'findings'] as const);
      const parsed = VisitInputSchema.safeParse({
        ...values,
        visitedOn: formDay(values.visitedOn) ?? values.visitedOn,
      });
      if (!parsed.success)
        return invalid(
          issuesToMessages(parsed.error, {
            unitId: { field: 'iv-unit', key: 'inspections.invalid.visitUnit' },
            visitedOn: { field: 'iv-date', key: 'inspections.invalid.visitedOn' },
            findings: { field: 'iv-findings', key: 'inspections.invalid.findings' },
          }),
          values,
        );
      await onceForm(deps, actor, 'inspections.visit.create', form, (d) =>
        addVisit(d, actor, planId, parsed.data),
      );
      return ok();
    }
    if (intent === 'followup') {
      const values = formValues(form, ['visitId', 'action', 'ownerId', 'dueOn'] as const);
      const field = (n: string) => `if-${n}-${values.visitId}`;
      const parsed = FollowUpInputSchema.safeParse({
        ...values,
        ownerId: values.ownerId || null,
        dueOn: formDay(values.dueOn) ?? values.dueOn,
      });
      if (!parsed.success)
        return invalid(
          issuesToMessages(parsed.error, {
            action: { field: field('action'), key: 'inspections.invalid.action' },
            dueOn: { field: field('due'), key: 'inspections.invalid.dueOn' },
            ownerId: { field: field('owner'), key: 'inspections.error.owner' },
          }),
          values,
        );
      await onceForm(deps, actor, 'inspections.followup.create', form, (d) =>
        addFollowUp(d, actor, planId, parsed.data),
      );
      return ok();
    }
    if (intent === 'close') {
      const values = formValues(form, ['followUpId', 'note'] as const);
      const parsed = CloseFollowUpSchema.safeParse({ note: values.note, version: formVersion(form) });
      if (!parsed.success)
        return invalid(
          issuesToMessages(parsed.error, {
            note: { field: `fc-note-${values.followUpId}`, key: 'inspections.invalid.closureNote' },
          }),
          values,
        );
      await closeFollowUp(deps, actor, values.followUpId, parsed.data);
      return ok();
    }
    await closeInspectionPlan(deps, actor, planId, formVersion(form));
    return ok();
  } catch (e) {
    return failure(e, {});
  }
}

export default function InspectionDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { plan: p } = loaderData;
  const done = actionData?.ok ? actionData.done : loaderData.done;
  const errors = actionData?.ok ? undefined : actionData?.errors;
  return (
    <>
      <title>{`${p.title} — ${t('inspections.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/inspections')}>{t('inspections.title')}</a>
      </p>
      <h1>{p.title}</h1>
      {done ? (
        <p className="alert-ok" role="status">
          {t(done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="details-list">
        <dt>{t('inspections.field.unit')}</dt>
        <dd>{loaderData.unitName}</dd>
        <dt>{t('inspections.field.targets')}</dt>
        <dd>{loaderData.targets.map((u) => u.name).join('; ')}</dd>
        <dt>{t('inspections.col.period')}</dt>
        <dd>{p.period}</dd>
        <dt>{t('inspections.col.status')}</dt>
        <dd>{t(`inspections.status.${p.status}`)}</dd>
      </dl>
      {p.subject ? <p className="prose-text">{p.subject}</p> : null}
      <h2>{t('inspections.visits.heading')}</h2>
      {loaderData.visits.length === 0 ? <p>{t('inspections.visits.none')}</p> : null}
      {loaderData.visits.map((v) => (
        <section key={v.id} aria-labelledby={`v-${v.id}`}>
          <h3 id={`v-${v.id}`}>{t('inspections.visits.item', { unit: v.unitName, date: v.visited })}</h3>
          <p className="prose-text">{v.findings}</p>
          <FollowUpList visit={v} />
          {loaderData.canUpdate ? (
            <VisitForms.FollowUp visit={v} candidates={loaderData.candidates} errors={errors} />
          ) : null}
        </section>
      ))}
      {loaderData.canUpdate ? <VisitForms.Visit targets={loaderData.targets} errors={errors} /> : null}
      {loaderData.canClosePlan ? (
        <form method="post" className="form">
          <input type="hidden" name="intent" value="closePlan" />
          <input type="hidden" name="version" value={p.version} />
          <button type="submit">{t('inspections.closePlan')}</button>
        </form>
      ) : null}
      {loaderData.form ? (
        <details>
          <summary>{t('inspections.edit')}</summary>
          <PlanForm
            options={loaderData.form.options}
            values={loaderData.form.values}
            errors={undefined}
            submitLabel={t('inspections.save')}
            version={p.version}
          />
        </details>
      ) : null}
    </>
  );
}
