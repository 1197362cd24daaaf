import { SelectField } from './Field.tsx';
// One labelled <select> of a GET filter form, with an "all" choice first (works without JavaScript).
export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  allLabel: string;
  value: string | number | null | undefined;
  options: readonly FilterOption[];
}) {
  return (
    <SelectField id={props.id} label={props.label} name={props.name} defaultValue={props.value ?? ''}>
      <option value="">{props.allLabel}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}
