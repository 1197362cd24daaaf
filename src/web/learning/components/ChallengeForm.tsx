// The details of a reading challenge (create and edit): unit, title, description, window, goal, grouping.
import { GOAL_KINDS, GROUP_KINDS } from '../../../modules/learning/learning.vocab.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { type UnitOption, UnitSelect } from '../../units/components/UnitFormParts.tsx';

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
    <TextField id={id} label={label} errors={e} name={name} type={type} defaultValue={v[name] ?? ''} />
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
      <TextArea
        id="challenge-description"
        label={t('learning.field.description')}
        errors={e}
        name="description"
        rows={3}
        defaultValue={v.description ?? ''}
      />
      {text('challenge-starts', 'startsOn', t('learning.field.startsOn'), 'date')}
      {text('challenge-ends', 'endsOn', t('learning.field.endsOn'), 'date')}
      <SelectField
        id="challenge-goal-kind"
        label={t('learning.field.goalKind')}
        errors={e}
        name="goalKind"
        defaultValue={v.goalKind ?? 'books'}
      >
        {GOAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(k === 'books' ? 'learning.challenge.unitBooks' : 'learning.challenge.unitMinutes')}
          </option>
        ))}
      </SelectField>
      {text('challenge-goal', 'goal', t('learning.field.goal'))}
      <SelectField
        id="challenge-group-kind"
        label={t('learning.field.groupKind')}
        errors={e}
        name="groupKind"
        defaultValue={v.groupKind ?? ''}
      >
        <option value="">{t('learning.group.none')}</option>
        {GROUP_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`learning.group.${k}`)}
          </option>
        ))}
      </SelectField>
      <div>
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
