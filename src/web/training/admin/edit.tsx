// Back office: edit a training course. The form names the version it was based on; a stale one answers 409
// with the message, nothing overwritten.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import {
  courseFormOptions,
  getCourse,
  updateCourse,
} from '../../../modules/training/training.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { CourseFields } from '../components/CourseFields.tsx';
import { parseCourseForm } from '../forms.server.ts';
import type { Route } from './+types/edit.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getCourse(deps, actor, params.courseId);
    if (!v.canEdit) throw new Response(null, { status: 403 });
    const c = v.course;
    return {
      id: c.id,
      title: c.title,
      version: c.version,
      options: await courseFormOptions(deps, actor),
      values: {
        unitId: c.unitId,
        organiserLevel: c.organiserLevel,
        organiser: c.organiser,
        title: c.title,
        topic: c.topic,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        placeId: c.placeId ?? '',
        onlineUrl: c.onlineUrl ?? '',
        planInstanceIds: c.planInstanceIds.join(','),
      },
    };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const p = parseCourseForm(form);
  if (!p.ok) return invalid(p.errors, p.values);
  if (!p.update) return new Response(null, { status: 400 });
  try {
    await updateCourse(deps, actor, params.courseId, p.update);
    return redirect(`${localePath(locale, `/admin/training/${params.courseId}`)}?done=updated`, 303);
  } catch (e) {
    return failure(e, p.values, 'tc-title');
  }
}

export default function EditCourse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('training.edit')} — ${loaderData.title} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/training/${loaderData.id}`)}>{loaderData.title}</a>
      </p>
      <h1>{t('training.edit')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <form method="post" className="form" noValidate>
        <input type="hidden" name="version" value={loaderData.version} />
        <CourseFields
          options={loaderData.options}
          values={(actionData?.values ?? loaderData.values) as Record<string, string>}
          errors={actionData?.errors}
        />
        <button type="submit">{t('training.save')}</button>
      </form>
    </>
  );
}
