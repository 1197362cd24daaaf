// The details of a learning path (create and edit): unit, title, summary, completion rule.
import { COMPLETION_RULES } from '../../../modules/learning/learning.vocab.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { type UnitOption, UnitSelect } from '../../units/components/UnitFormParts.tsx';

type Errors = readonly FormMessage[] | undefined;

export function PathForm(props: {
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
  return (
    <form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={props.intent} />
      {props.version ? <input type="hidden" name="version" value={props.version} /> : <FormToken />}
      <UnitSelect
        id="path-unit"
        name="unitId"
        label={t('learning.field.unit')}
        units={props.units}
        value={v.unitId ?? ''}
        errors={e}
      />
      <TextField
        id="path-title"
        label={t('learning.field.title')}
        errors={e}
        name="title"
        defaultValue={v.title ?? ''}
      />
      <TextArea
        id="path-summary"
        label={t('learning.field.summary')}
        errors={e}
        name="summary"
        rows={3}
        defaultValue={v.summary ?? ''}
      />
      <SelectField
        id="path-rule"
        label={t('learning.field.rule')}
        errors={e}
        name="completionRule"
        defaultValue={v.completionRule ?? 'all_steps'}
      >
        {COMPLETION_RULES.map((r) => (
          <option key={r} value={r}>
            {t(`learning.rule.${r}`)}
          </option>
        ))}
      </SelectField>
      <div>
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
