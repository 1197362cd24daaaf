// The sponsor form's fields (new sponsor and edit): kind, name, contact, managing unit, consent and its day.
import { SPONSOR_KINDS } from '../../../modules/sponsorship/sponsorship.vocab.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import type { FormMessage } from '../../ui/forms.ts';

export const SPONSOR_FIELDS = ['unitId', 'kind', 'name', 'email', 'phone', 'address', 'consentOn'] as const;

export function SponsorFields(props: {
  units: ReadonlyArray<{ id: string; name: string }>;
  values: Record<string, string>;
  errors: readonly FormMessage[] | undefined;
}) {
  const t = useT();
  const { values: v, errors } = props;
  const text = (id: string, name: (typeof SPONSOR_FIELDS)[number], label: string, type = 'text') => (
    <TextField id={id} label={label} errors={errors} name={name} type={type} defaultValue={v[name] ?? ''} />
  );
  return (
    <>
      <SelectField
        id="sp-unit"
        label={t('sponsorship.field.managingUnit')}
        errors={errors}
        name="unitId"
        defaultValue={v.unitId ?? ''}
      >
        <option value="">{t('units.field.choose')}</option>
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="sp-kind"
        label={t('sponsorship.field.sponsorKind')}
        name="kind"
        defaultValue={v.kind ?? 'organisation'}
      >
        {SPONSOR_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`sponsorship.sponsorKind.${k}`)}
          </option>
        ))}
      </SelectField>
      {text('sp-name', 'name', t('sponsorship.field.name'))}
      {text('sp-email', 'email', t('sponsorship.field.email'), 'email')}
      {text('sp-phone', 'phone', t('sponsorship.field.phone'), 'tel')}
      {text('sp-address', 'address', t('sponsorship.field.address'))}
      <fieldset>
        <legend>{t('sponsorship.consent.legend')}</legend>
        <div className="check">
          <input
            id="sp-consent"
            type="checkbox"
            name="publicConsent"
            value="on"
            defaultChecked={v.publicConsent === 'on'}
          />
          <label htmlFor="sp-consent">{t('sponsorship.consent.label')}</label>
        </div>
        {text('sp-consent-on', 'consentOn', t('sponsorship.field.consentOn'), 'date')}
      </fieldset>
    </>
  );
}
