// Back office: register a training course (organiser level and name, topic, dates, place or online link,
// linked plan task instances). Idempotent: a double submit creates one course.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import {
  CourseInputSchema,
  canCreateCourses,
  courseFormOptions,
  createCourse,
} from '../../../modules/training/training.usecases.server.ts';
import { ORGANISER_LEVELS } from '../../../modules/training/training.vocab.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';
import { formDay, formValues } from '../../units/forms.server.ts';
import type { Route } from './+types/new.ts';

const FIELDS = [
  'unitId',
  'organiserLevel',
  'organiser',
  'title',
  'topic',
  'startsOn',
  'endsOn',
  'placeId',
  'onlineUrl',
] as const;

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (!canCreateCourses(actor)) throw new Response(null, { status: 403 });
  return { options: await courseFormOptions(deps, actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const v = formValues(form, FIELDS);
  const plans = form.getAll('planInstanceIds').map(String);
  const values = { ...v, planInstanceIds: plans.join(',') };
  const parsed = CourseInputSchema.safeParse({
    ...v,
    startsOn: formDay(v.startsOn) ?? v.startsOn,
    endsOn: formDay(v.endsOn) ?? v.endsOn,
    placeId: v.placeId || null,
    onlineUrl: v.onlineUrl.trim() || null,
    planInstanceIds: plans,
  });
  if (!parsed.success)
    return invalid(
      issuesToMessages(parsed.error, {
        unitId: { field: 'tc-unit', key: 'news.form.invalid.unit' },
        organiser: { field: 'tc-organiser', key: 'training.invalid.organiser' },
        title: { field: 'tc-title', key: 'training.invalid.title' },
        startsOn: { field: 'tc-starts', key: 'training.invalid.date' },
        endsOn: { field: 'tc-ends', key: 'training.invalid.date' },
        onlineUrl: { field: 'tc-url', key: 'news.form.invalid.url' },
      }),
      values,
    );
  try {
    const id = await onceForm(deps, actor, 'training.course.create', form, (d) =>
      createCourse(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/training/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, 'tc-ends');
  }
}

export default function NewCourse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const o = loaderData.options;
  const v = (actionData?.values ?? {}) as Record<string, string>;
  const errors = actionData?.errors;
  const text = (id: string, name: (typeof FIELDS)[number], label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <input id={id} name={name} type={type} defaultValue={v[name] ?? ''} {...fieldAria(id, errors)} />
    </div>
  );
  return (
    <>
      <title>{`${t('training.new')} — Suốt Đời`}</title>
      <h1>{t('training.new')}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        <FormToken />
        <div className="field">
          <label htmlFor="tc-unit">{t('training.field.unit')}</label>
          <FieldError id="tc-unit" errors={errors} />
          <select id="tc-unit" name="unitId" defaultValue={v.unitId ?? ''} {...fieldAria('tc-unit', errors)}>
            <option value="">{t('units.field.choose')}</option>
            {o.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tc-level">{t('training.field.level')}</label>
          <select id="tc-level" name="organiserLevel" defaultValue={v.organiserLevel ?? 'department'}>
            {ORGANISER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`training.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {text('tc-organiser', 'organiser', t('training.field.organiser'))}
        {text('tc-title', 'title', t('training.field.title'))}
        {text('tc-topic', 'topic', t('training.field.topic'))}
        {text('tc-starts', 'startsOn', t('training.field.startsOn'), 'date')}
        {text('tc-ends', 'endsOn', t('training.field.endsOn'), 'date')}
        <div className="field">
          <label htmlFor="tc-place">{t('training.field.place')}</label>
          <select id="tc-place" name="placeId" defaultValue={v.placeId ?? ''}>
            <option value="">{t('training.field.noPlace')}</option>
            {o.places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {text('tc-url', 'onlineUrl', t('training.field.onlineUrl'), 'url')}
        <div className="field">
          <label htmlFor="tc-plan">{t('news.field.planInstances')}</label>
          <p className="hint" id="tc-plan-hint">
            {t('news.field.manyHint')}
          </p>
          <select
            id="tc-plan"
            name="planInstanceIds"
            multiple
            size={Math.min(6, Math.max(2, o.planInstances.length))}
            defaultValue={(v.planInstanceIds ?? '').split(',').filter(Boolean)}
            aria-describedby="tc-plan-hint"
          >
            {o.planInstances.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.year} · ${p.label}`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('training.create')}</button>
      </form>
    </>
  );
}
