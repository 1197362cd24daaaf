// The details of a learning path (create and edit): unit, title, summary, completion rule.
import { COMPLETION_RULES } from '../../../modules/learning/learning.vocab.ts';
import { useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria, type UnitOption, UnitSelect } from '../../units/components/UnitFormParts.tsx';

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
      <div className="field">
        <label htmlFor="path-title">{t('learning.field.title')}</label>
        <FieldError id="path-title" errors={e} />
        <input id="path-title" name="title" defaultValue={v.title ?? ''} {...fieldAria('path-title', e)} />
      </div>
      <div className="field">
        <label htmlFor="path-summary">{t('learning.field.summary')}</label>
        <FieldError id="path-summary" errors={e} />
        <textarea
          id="path-summary"
          name="summary"
          rows={3}
          defaultValue={v.summary ?? ''}
          {...fieldAria('path-summary', e)}
        />
      </div>
      <div className="field">
        <label htmlFor="path-rule">{t('learning.field.rule')}</label>
        <FieldError id="path-rule" errors={e} />
        <select
          id="path-rule"
          name="completionRule"
          defaultValue={v.completionRule ?? 'all_steps'}
          {...fieldAria('path-rule', e)}
        >
          {COMPLETION_RULES.map((r) => (
            <option key={r} value={r}>
              {t(`learning.rule.${r}`)}
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
