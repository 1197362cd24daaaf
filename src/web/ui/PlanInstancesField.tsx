// The "which plan tasks does this serve" multi-select of a register form (guidance, training, donations…):
// the plan's instances of the reader's units as "year · task", several allowed, working without JavaScript.
import { useT } from '../i18n.ts';
import { type FieldErrors, SelectField } from './Field.tsx';

export interface PlanInstanceOption {
  id: string;
  year: number;
  label: string;
}

export function PlanInstancesField(props: {
  id: string;
  instances: readonly PlanInstanceOption[];
  /** The chosen ids, comma-separated or as a list (as the form values keep them). */
  value: string | readonly string[] | undefined;
  errors?: FieldErrors;
  /** What the link means on this form (e.g. "plan tasks of section VI served"); a generic label otherwise. */
  label?: string;
}) {
  const t = useT();
  return (
    <SelectField
      id={props.id}
      label={props.label ?? t('ui.planInstances.label')}
      hint={t('ui.field.manyHint')}
      errors={props.errors}
      name="planInstanceIds"
      multiple
      size={Math.min(6, Math.max(2, props.instances.length))}
      defaultValue={
        typeof props.value === 'string' ? props.value.split(',').filter(Boolean) : [...(props.value ?? [])]
      }
    >
      {props.instances.map((p) => (
        <option key={p.id} value={p.id}>
          {`${p.year} · ${p.label}`}
        </option>
      ))}
    </SelectField>
  );
}
