// Back office: the focal point adds a task beyond the seeded plan (e.g. a new instruction from the Ministry).
import { data, redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  AddTaskSchema,
  addPlanTask,
  listOpenUnits,
} from '../../../modules/plan/tasks/task-edit.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import type { FormMessage } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { TaskForm, type TaskFormValues } from '../components/TaskForm.tsx';
import { readTaskForm, TASK_MESSAGES } from '../task-forms.ts';
import type { Route } from './+types/task-new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return { units: await listOpenUnits(deps, actor) };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const { input, values } = readTaskForm(form);
  const fail = (errors: FormMessage[], status: number) => data({ errors, values }, { status });
  const parsed = AddTaskSchema.safeParse({ ...input, phase: values.phase, section: values.section });
  if (!parsed.success) return fail(issuesToMessages(parsed.error, TASK_MESSAGES), 422);
  try {
    const id = await onceForm(deps, actor, 'plan.task.create', form, (d) =>
      addPlanTask(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/plan/tasks/${id}`)}?done=added`, 303);
  } catch (e) {
    if (!isAppError(e) || e.status === 403 || e.status === 401) rethrowForPage(e);
    return fail([{ key: e.messageKey }], e.status);
  }
}

const EMPTY: TaskFormValues = {
  content: '',
  product: '',
  lead: [],
  coordinating: [],
  yearly: false,
  timeFrom: '',
  timeTo: '',
  reason: '',
};

export default function PlanTaskNewPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('planwork.task.add')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/plan/tasks')}>{t('plan.task.back')}</a>
      </p>
      <h1>{t('planwork.task.add')}</h1>
      <p className="muted">{t('planwork.task.addIntro')}</p>
      <ErrorSummary errors={actionData?.errors} />
      <TaskForm mode="add" values={actionData?.values ?? EMPTY} units={loaderData.units} />
    </>
  );
}
