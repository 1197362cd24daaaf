// The activity form (new and edit): unit, kind, title, country, dates, partners, staff taking part, outside
// participants (one name per line), outcomes and the plan task instances it is evidence for.
import { COOP_KINDS } from '../../../modules/cooperation/cooperation.vocab.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';

type Option = { id: string; name: string };
export interface ActivityFormOptions {
  units: Option[];
  partners: Option[];
  staff: Option[];
  planInstances: Array<{ id: string; year: number; label: string }>;
  countries: Array<{ code: string; name: string }>;
}
export type ActivityFormState = Record<string, string | string[]>;

export function ActivityForm(props: {
  options: ActivityFormOptions;
  values: ActivityFormState;
  errors: readonly FormMessage[] | undefined;
  submitLabel: string;
  version?: number;
  token?: boolean;
}) {
  const t = useT();
  const { options: o, values: v, errors } = props;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);
  const text = (id: string, name: string, label: string, type = 'text') => (
    <TextField id={id} label={label} errors={errors} name={name} type={type} defaultValue={str(name)} />
  );
  const multi = (id: string, name: string, label: string, items: Option[]) => (
    <SelectField
      id={id}
      label={label}
      errors={errors}
      hint={t('cooperation.form.manyHint')}
      name={name}
      multiple
      size={Math.min(6, Math.max(2, items.length))}
      defaultValue={list(name)}
    >
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </SelectField>
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        {props.token ? <FormToken /> : null}
        {props.version ? <input type="hidden" name="version" value={props.version} /> : null}
        <input type="hidden" name="intent" value="save" />
        <SelectField
          id="ca-unit"
          label={t('cooperation.field.unit')}
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
        <SelectField
          id="ca-kind"
          label={t('cooperation.field.kind')}
          errors={errors}
          name="kind"
          defaultValue={str('kind') || 'study_visit'}
        >
          {COOP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cooperation.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        {text('ca-title', 'title', t('cooperation.field.title'))}
        <SelectField
          id="ca-country"
          label={t('cooperation.field.country')}
          errors={errors}
          name="country"
          defaultValue={str('country')}
        >
          <option value="">{t('cooperation.form.chooseCountry')}</option>
          {o.countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {text('ca-starts', 'startsOn', t('cooperation.field.startsOn'), 'date')}
        {text('ca-ends', 'endsOn', t('cooperation.field.endsOn'), 'date')}
        {multi('ca-partners', 'partnerIds', t('cooperation.field.partners'), o.partners)}
        {multi('ca-staff', 'staffUserIds', t('cooperation.field.staff'), o.staff)}
        <TextArea
          id="ca-external"
          label={t('cooperation.field.externalNames')}
          errors={errors}
          hint={t('cooperation.form.externalHint')}
          name="externalNames"
          rows={3}
          defaultValue={str('externalNames')}
        />
        <TextArea
          id="ca-outcomes"
          label={t('cooperation.field.outcomes')}
          errors={errors}
          name="outcomes"
          rows={5}
          defaultValue={str('outcomes')}
        />
        {multi(
          'ca-plan',
          'planInstanceIds',
          t('cooperation.field.planInstances'),
          o.planInstances.map((p) => ({ id: p.id, name: `${p.year} · ${p.label}` })),
        )}
        <button type="submit">{props.submitLabel}</button>
      </form>
    </>
  );
}
