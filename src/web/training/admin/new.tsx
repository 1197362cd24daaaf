// Back office: register a training course (organiser level and name, topic, dates, place or online link,
// linked plan task instances). Idempotent: a double submit creates one course.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import {
  canCreateCourses,
  courseFormOptions,
  createCourse,
} from '../../../modules/training/training.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { CourseFields } from '../components/CourseFields.tsx';
import { parseCourseForm } from '../forms.server.ts';
import type { Route } from './+types/new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (!canCreateCourses(actor)) throw new Response(null, { status: 403 });
  return { options: await courseFormOptions(deps, actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const p = parseCourseForm(form);
  if (!p.ok) return invalid(p.errors, p.values);
  try {
    const id = await onceForm(deps, actor, 'training.course.create', form, (d) =>
      createCourse(d, actor, p.data),
    );
    return redirect(`${localePath(locale, `/admin/training/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, p.values, 'tc-ends');
  }
}

export default function NewCourse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('training.new')} — Suốt Đời`}</title>
      <h1>{t('training.new')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <form method="post" className="form" noValidate>
        <FormToken />
        <CourseFields
          options={loaderData.options}
          values={(actionData?.values ?? {}) as Record<string, string>}
          errors={actionData?.errors}
        />
        <button type="submit">{t('training.create')}</button>
      </form>
    </>
  );
}
