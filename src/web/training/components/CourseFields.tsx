// The course form's fields (new course and edit): unit, organiser level and name, title, topic, dates, place or
// online link, linked plan task instances.
import { ORGANISER_LEVELS } from '../../../modules/training/training.vocab.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { PlanInstancesField } from '../../ui/PlanInstancesField.tsx';

export const COURSE_FIELDS = [
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

type Option = { id: string; name: string };

export function CourseFields(props: {
  options: {
    units: readonly Option[];
    places: readonly Option[];
    planInstances: ReadonlyArray<{ id: string; year: number; label: string }>;
  };
  values: Record<string, string>;
  errors: readonly FormMessage[] | undefined;
}) {
  const t = useT();
  const { options: o, values: v, errors } = props;
  const text = (id: string, name: (typeof COURSE_FIELDS)[number], label: string, type = 'text') => (
    <TextField id={id} label={label} errors={errors} name={name} type={type} defaultValue={v[name] ?? ''} />
  );
  return (
    <>
      <SelectField
        id="tc-unit"
        label={t('training.field.unit')}
        errors={errors}
        name="unitId"
        defaultValue={v.unitId ?? ''}
      >
        <option value="">{t('units.field.choose')}</option>
        {o.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="tc-level"
        label={t('training.field.level')}
        name="organiserLevel"
        defaultValue={v.organiserLevel ?? 'department'}
      >
        {ORGANISER_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`training.level.${l}`)}
          </option>
        ))}
      </SelectField>
      {text('tc-organiser', 'organiser', t('training.field.organiser'))}
      {text('tc-title', 'title', t('training.field.title'))}
      {text('tc-topic', 'topic', t('training.field.topic'))}
      {text('tc-starts', 'startsOn', t('training.field.startsOn'), 'date')}
      {text('tc-ends', 'endsOn', t('training.field.endsOn'), 'date')}
      <SelectField
        id="tc-place"
        label={t('training.field.place')}
        name="placeId"
        defaultValue={v.placeId ?? ''}
      >
        <option value="">{t('training.field.noPlace')}</option>
        {o.places.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {text('tc-url', 'onlineUrl', t('training.field.onlineUrl'), 'url')}
      <PlanInstancesField id="tc-plan" instances={o.planInstances} value={v.planInstanceIds} />
    </>
  );
}
