// The details of a reading challenge (create and edit): unit, title, description, window, goal, grouping.
import { GOAL_KINDS, GROUP_KINDS } from '../../../modules/learning/learning.vocab.ts';
import { useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria, type UnitOption, UnitSelect } from '../../units/components/UnitFormParts.tsx';

type Errors = readonly FormMessage[] | undefined;

export function ChallengeForm(props: {
  values: Partial<Record<string, string>>;
  errors: Errors;
  units: readonly UnitOption[];
  submitLabel: string;
  intent: string;
  version?: number;
}) {
  const t = useT();
  const v = props.values;
  const e = props.errors;
  const text = (id: string, name: string, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={e} />
      <input id={id} name={name} type={type} defaultValue={v[name] ?? ''} {...fieldAria(id, e)} />
    </div>
  );
  return (
    <form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={props.intent} />
      {props.version ? <input type="hidden" name="version" value={props.version} /> : <FormToken />}
      <UnitSelect
        id="challenge-unit"
        name="unitId"
        label={t('learning.field.unit')}
        units={props.units}
        value={v.unitId ?? ''}
        errors={e}
      />
      {text('challenge-title', 'title', t('learning.field.title'))}
      <div className="field">
        <label htmlFor="challenge-description">{t('learning.field.description')}</label>
        <FieldError id="challenge-description" errors={e} />
        <textarea
          id="challenge-description"
          name="description"
          rows={3}
          defaultValue={v.description ?? ''}
          {...fieldAria('challenge-description', e)}
        />
      </div>
      {text('challenge-starts', 'startsOn', t('learning.field.startsOn'), 'date')}
      {text('challenge-ends', 'endsOn', t('learning.field.endsOn'), 'date')}
      <div className="field">
        <label htmlFor="challenge-goal-kind">{t('learning.field.goalKind')}</label>
        <FieldError id="challenge-goal-kind" errors={e} />
        <select
          id="challenge-goal-kind"
          name="goalKind"
          defaultValue={v.goalKind ?? 'books'}
          {...fieldAria('challenge-goal-kind', e)}
        >
          {GOAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(k === 'books' ? 'learning.challenge.unitBooks' : 'learning.challenge.unitMinutes')}
            </option>
          ))}
        </select>
      </div>
      {text('challenge-goal', 'goal', t('learning.field.goal'))}
      <div className="field">
        <label htmlFor="challenge-group-kind">{t('learning.field.groupKind')}</label>
        <FieldError id="challenge-group-kind" errors={e} />
        <select
          id="challenge-group-kind"
          name="groupKind"
          defaultValue={v.groupKind ?? ''}
          {...fieldAria('challenge-group-kind', e)}
        >
          <option value="">{t('learning.group.none')}</option>
          {GROUP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`learning.group.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
