// A select of units indented by depth (options cannot be styled, so the depth is shown with leading dashes).

import { useT } from '../../i18n.ts';
import { SelectField } from '../../ui/Field.tsx';
import type { FormMessage } from '../../ui/forms.ts';

type Errors = readonly FormMessage[] | undefined;

// The field kit moved to src/web/ui/Field.tsx; these names stay importable from here for the pages that
// have not been converted yet.
export { FieldError, fieldAria } from '../../ui/Field.tsx';

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
    <SelectField
      id={props.id}
      label={props.label}
      errors={props.errors}
      name={props.name}
      defaultValue={props.value}
    >
      <option value="">{t('units.field.choose')}</option>
      {props.topLevel ? <option value="top">{t('units.topLevel')}</option> : null}
      {props.units.map((u) => (
        <option key={u.id} value={u.id}>
          {`${'— '.repeat(u.depth)}${u.name}`}
        </option>
      ))}
    </SelectField>
  );
}
