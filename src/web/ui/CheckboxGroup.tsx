// A group of checkboxes under one legend (target units, participants, weekdays…): one `<fieldset>` whose error,
// when there is one, is announced with it and is where the error summary's `#id` link lands. Each box gets the
// id `<idPrefix><value>` and its own label, so it is clickable by label and works without JavaScript.
import type { ReactNode } from 'react';
import { FieldError, type FieldErrors } from './Field.tsx';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
}

export function CheckboxGroup(props: {
  /** The fieldset's id: the error summary links here and a form error with this field id shows here. */
  id?: string;
  legend: ReactNode;
  name: string;
  options: readonly CheckboxOption[];
  /** Which values start ticked. */
  checked?: ReadonlySet<string>;
  /** Prefix of each box's id (default: the fieldset id and a dash). */
  idPrefix?: string;
  errors?: FieldErrors;
}) {
  const { id, errors } = props;
  const invalid = id !== undefined && (errors?.some((e) => e.field === id) ?? false);
  const prefix = props.idPrefix ?? `${id ?? props.name}-`;
  return (
    <fieldset id={id} aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {id !== undefined ? <FieldError id={id} errors={errors} /> : null}
      {props.options.map((o) => (
        <div key={o.value} className="check">
          <input
            id={`${prefix}${o.value}`}
            type="checkbox"
            name={props.name}
            value={o.value}
            defaultChecked={props.checked?.has(o.value)}
          />
          <label htmlFor={`${prefix}${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
