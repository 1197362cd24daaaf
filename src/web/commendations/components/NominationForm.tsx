// The nomination form (new and edit): nominating unit, collective or individual, the nominee, the kind of
// merit (model, creative practice, achievement), a title, the achievements, evidence links, plan instances.
import { COMM_CATEGORIES, NOMINEE_KINDS } from '../../../modules/commendations/commendations.vocab.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError, fieldAria, SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { PlanInstancesField } from '../../ui/PlanInstancesField.tsx';

type Option = { id: string; name: string };

export function NominationForm(props: {
  options: {
    units: Option[];
    allUnits: Option[];
    planInstances: Array<{ id: string; year: number; label: string }>;
  };
  values: Record<string, string | string[]>;
  errors: readonly FormMessage[] | undefined;
  submitLabel: string;
  version?: number;
  token?: boolean;
}) {
  const t = useT();
  const { options: o, values: v, errors } = props;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const select = (id: string, name: string, label: string, items: Option[], empty: string | null) => (
    <SelectField id={id} label={label} errors={errors} name={name} defaultValue={str(name)}>
      {empty !== null ? <option value="">{empty}</option> : null}
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </SelectField>
  );
  const area = (id: string, name: string, label: string, rows: number, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={str(name)}
        {...fieldAria(id, errors, hint ? `${id}-hint` : undefined)}
      />
    </div>
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        {props.token ? <FormToken /> : null}
        {props.version ? <input type="hidden" name="version" value={props.version} /> : null}
        <input type="hidden" name="intent" value="save" />
        {select('cn-unit', 'unitId', t('commendations.field.unit'), o.units, t('units.field.choose'))}
        {select(
          'cn-kind',
          'nomineeKind',
          t('commendations.field.nomineeKind'),
          NOMINEE_KINDS.map((k) => ({ id: k, name: t(`commendations.nomineeKind.${k}`) })),
          null,
        )}
        <TextField
          id="cn-name"
          label={t('commendations.field.nomineeName')}
          errors={errors}
          name="nomineeName"
          defaultValue={str('nomineeName')}
        />
        {select(
          'cn-nominee-unit',
          'nomineeUnitId',
          t('commendations.field.nomineeUnit'),
          o.allUnits,
          t('commendations.form.noUnit'),
        )}
        {select(
          'cn-category',
          'category',
          t('commendations.field.category'),
          COMM_CATEGORIES.map((k) => ({ id: k, name: t(`commendations.category.${k}`) })),
          null,
        )}
        <TextField
          id="cn-title"
          label={t('commendations.field.title')}
          errors={errors}
          name="title"
          defaultValue={str('title')}
        />
        {area('cn-achievements', 'achievements', t('commendations.field.achievements'), 6)}
        {area(
          'cn-evidence',
          'evidenceUrls',
          t('commendations.field.evidence'),
          3,
          t('commendations.form.evidenceHint'),
        )}
        <PlanInstancesField
          id="cn-plan"
          label={t('commendations.field.planInstances')}
          instances={o.planInstances}
          value={Array.isArray(v.planInstanceIds) ? v.planInstanceIds : []}
        />
        <button type="submit">{props.submitLabel}</button>
      </form>
    </>
  );
}
