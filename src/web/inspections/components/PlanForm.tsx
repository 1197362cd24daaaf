// The inspection plan form (new and edit): inspecting unit, title, what is inspected, the units inspected,
// the planned period and the plan task instances (section VI) it serves.
import { useT } from '../../i18n.ts';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { PlanInstancesField } from '../../ui/PlanInstancesField.tsx';

type Option = { id: string; name: string };
export interface PlanFormOptions {
  units: Option[];
  targets: Option[];
  planInstances: Array<{ id: string; year: number; label: string }>;
}

export function PlanForm(props: {
  options: PlanFormOptions;
  values: Record<string, string | string[]>;
  errors: readonly FormMessage[] | undefined;
  submitLabel: string;
  version?: number;
  token?: boolean;
}) {
  const t = useT();
  const { options: o, values: v, errors } = props;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);
  const chosen = new Set(list('targetUnitIds'));
  const text = (id: string, name: string, label: string, type = 'text') => (
    <TextField id={id} label={label} errors={errors} name={name} type={type} defaultValue={str(name)} />
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        {props.token ? <FormToken /> : null}
        {props.version ? <input type="hidden" name="version" value={props.version} /> : null}
        <input type="hidden" name="intent" value="save" />
        <SelectField
          id="ip-unit"
          label={t('inspections.field.unit')}
          errors={errors}
          name="unitId"
          defaultValue={str('unitId')}
        >
          <option value="">{t('units.field.choose')}</option>
          {o.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        {text('ip-title', 'title', t('inspections.field.title'))}
        <TextArea
          id="ip-subject"
          label={t('inspections.field.subject')}
          errors={errors}
          name="subject"
          rows={4}
          defaultValue={str('subject')}
        />
        {text('ip-from', 'plannedFrom', t('inspections.field.plannedFrom'), 'date')}
        {text('ip-to', 'plannedTo', t('inspections.field.plannedTo'), 'date')}
        <CheckboxGroup
          id="ip-targets"
          legend={t('inspections.field.targets')}
          name="targetUnitIds"
          idPrefix="ip-t-"
          options={o.targets.map((u) => ({ value: u.id, label: u.name }))}
          checked={chosen}
          errors={errors}
        />
        <PlanInstancesField
          id="ip-plan"
          label={t('inspections.field.planInstances')}
          instances={o.planInstances}
          value={list('planInstanceIds')}
        />
        <button type="submit">{props.submitLabel}</button>
      </form>
    </>
  );
}
