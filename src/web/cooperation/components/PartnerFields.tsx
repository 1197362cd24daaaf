// The foreign partner's fields (unit, name, country, website, note), shared by the add form on the partner list
// and the edit page, with the fields a save reads and where each field's error is shown.
import { useT } from '../../i18n.ts';
import type { FieldMessages } from '../../ui/actor.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import type { FormMessage } from '../../ui/forms.ts';

export const PARTNER_FIELDS = ['unitId', 'name', 'country', 'website', 'note'] as const;

export const PARTNER_FIELD_MESSAGES: FieldMessages = {
  unitId: { field: 'cp-unit', key: 'cooperation.invalid.unit' },
  name: { field: 'cp-name', key: 'cooperation.invalid.partnerName' },
  country: { field: 'cp-country', key: 'cooperation.invalid.country' },
  website: { field: 'cp-website', key: 'cooperation.invalid.website' },
};

export function PartnerFields(props: {
  values: Record<string, string>;
  errors: readonly FormMessage[] | undefined;
  units: ReadonlyArray<{ id: string; name: string }>;
  countries: ReadonlyArray<{ code: string; name: string }>;
  /** The add form starts with nothing chosen: a "choose …" first option in both lists. */
  choose?: boolean;
}) {
  const t = useT();
  const { values: v, errors } = props;
  const text = (id: string, name: string, label: string, type = 'text') => (
    <TextField id={id} label={label} errors={errors} name={name} type={type} defaultValue={v[name] ?? ''} />
  );
  return (
    <>
      <SelectField
        id="cp-unit"
        label={t('cooperation.field.unit')}
        errors={errors}
        name="unitId"
        defaultValue={v.unitId ?? ''}
      >
        {props.choose ? <option value="">{t('units.field.choose')}</option> : null}
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      {text('cp-name', 'name', t('cooperation.field.partnerName'))}
      <SelectField
        id="cp-country"
        label={t('cooperation.field.country')}
        errors={errors}
        name="country"
        defaultValue={v.country ?? ''}
      >
        {props.choose ? <option value="">{t('cooperation.form.chooseCountry')}</option> : null}
        {props.countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      {text('cp-website', 'website', t('cooperation.field.website'), 'url')}
      <TextArea
        id="cp-note"
        label={t('cooperation.field.note')}
        name="note"
        rows={3}
        defaultValue={v.note ?? ''}
      />
    </>
  );
}
