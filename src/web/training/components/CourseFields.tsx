// The course form's fields (new course and edit): unit, organiser level and name, title, topic, dates, place or
// online link, linked plan task instances.
import { ORGANISER_LEVELS } from '../../../modules/training/training.vocab.ts';
import { useT } from '../../i18n.ts';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';

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
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <input id={id} name={name} type={type} defaultValue={v[name] ?? ''} {...fieldAria(id, errors)} />
    </div>
  );
  return (
    <>
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
    </>
  );
}
