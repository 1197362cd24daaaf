// Form handling for the course pages: the posted course form to the use case's input (dates typed dd/mm/yyyy
// or from a date input), invalid fields to field-linked messages.
import { CourseInputSchema, CourseUpdateSchema } from '../../modules/training/training.usecases.server.ts';
import { issuesToMessages } from '../ui/actor.ts';
import { formDay, formValues } from '../ui/form-values.server.ts';
import { formText } from '../ui/forms.ts';
import { COURSE_FIELDS } from './components/CourseFields.tsx';

const MESSAGES = {
  unitId: { field: 'tc-unit', key: 'news.form.invalid.unit' },
  organiser: { field: 'tc-organiser', key: 'training.invalid.organiser' },
  title: { field: 'tc-title', key: 'training.invalid.title' },
  startsOn: { field: 'tc-starts', key: 'training.invalid.date' },
  endsOn: { field: 'tc-ends', key: 'training.invalid.date' },
  onlineUrl: { field: 'tc-url', key: 'news.form.invalid.url' },
} as const;

export function parseCourseForm(form: FormData) {
  const v = formValues(form, COURSE_FIELDS);
  const plans = form.getAll('planInstanceIds').map(String);
  const values = { ...v, planInstanceIds: plans.join(',') };
  const input = {
    ...v,
    startsOn: formDay(v.startsOn) ?? v.startsOn,
    endsOn: formDay(v.endsOn) ?? v.endsOn,
    placeId: v.placeId || null,
    onlineUrl: v.onlineUrl.trim() || null,
    planInstanceIds: plans,
  };
  const parsed = CourseInputSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false as const, values, errors: issuesToMessages(parsed.error, MESSAGES) };
  const update = CourseUpdateSchema.safeParse({ ...input, version: Number(formText(form, 'version')) || 0 });
  return { ok: true as const, values, data: parsed.data, update: update.success ? update.data : null };
}
