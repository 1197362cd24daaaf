// Small pieces shared by the unit forms: the message under an invalid field, its ARIA wiring, and a select
// of units indented by depth (options cannot be styled, so the depth is shown with leading dashes).

import { useT } from '../../i18n.ts';
import type { FormMessage } from '../../ui/forms.ts';

type Errors = readonly FormMessage[] | undefined;

export function FieldError({ id, errors }: { id: string; errors: Errors }) {
  const t = useT();
  const e = errors?.find((m) => m.field === id);
  if (!e) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {t(e.key, e.params)}
    </p>
  );
}

/** aria-invalid and aria-describedby (hint first, then the error) for the input with `id`. */
export function fieldAria(id: string, errors: Errors, hintId?: string) {
  const invalid = errors?.some((m) => m.field === id) ?? false;
  const describedBy = [hintId, invalid ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    ...(invalid ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
}

export interface UnitOption {
  id: string;
  name: string;
  depth: number;
}

export function UnitSelect(props: {
  id: string;
  name: string;
  label: string;
  units: readonly UnitOption[];
  topLevel?: boolean;
  value: string;
  errors: Errors;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <FieldError id={props.id} errors={props.errors} />
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value}
        {...fieldAria(props.id, props.errors)}
      >
        <option value="">{t('units.field.choose')}</option>
        {props.topLevel ? <option value="top">{t('units.topLevel')}</option> : null}
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>
            {`${'— '.repeat(u.depth)}${u.name}`}
          </option>
        ))}
      </select>
    </div>
  );
}
