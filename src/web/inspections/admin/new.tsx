// Back office: plan an inspection (which units, when, what).
import { redirect } from 'react-router';
import { scopeRoots } from '../../../app/policies.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  createInspectionPlan,
  PlanInputSchema,
  planFormOptions,
} from '../../../modules/inspections/inspections.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { PlanForm } from '../components/PlanForm.tsx';
import { PLAN_MESSAGES, planInput, readPlanForm } from '../forms.server.ts';
import type { Route } from './+types/new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'inspections.plan.create').length === 0) throw new Response(null, { status: 403 });
  return { options: await planFormOptions(deps, actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = readPlanForm(form);
  const parsed = PlanInputSchema.safeParse(planInput(values));
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, PLAN_MESSAGES), values);
  try {
    const id = await onceForm(deps, actor, 'inspections.plan.create', form, (d) =>
      createInspectionPlan(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/inspections/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, 'ip-targets');
  }
}

export default function NewInspectionPlan({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('inspections.new')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/inspections')}>{t('inspections.title')}</a>
      </p>
      <h1>{t('inspections.new')}</h1>
      <PlanForm
        options={loaderData.options}
        values={(actionData?.values ?? {}) as Record<string, string | string[]>}
        errors={actionData?.errors}
        submitLabel={t('inspections.create')}
        token
      />
    </>
  );
}
