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
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ''}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
