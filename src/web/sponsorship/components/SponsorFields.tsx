// The sponsor form's fields (new sponsor and edit): kind, name, contact, managing unit, consent and its day.
import { SPONSOR_KINDS } from '../../../modules/sponsorship/sponsorship.vocab.ts';
import { useT } from '../../i18n.ts';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';

export const SPONSOR_FIELDS = ['unitId', 'kind', 'name', 'email', 'phone', 'address', 'consentOn'] as const;

export function SponsorFields(props: {
  units: ReadonlyArray<{ id: string; name: string }>;
  values: Record<string, string>;
  errors: readonly FormMessage[] | undefined;
}) {
  const t = useT();
  const { values: v, errors } = props;
  const text = (id: string, name: (typeof SPONSOR_FIELDS)[number], label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <input id={id} name={name} type={type} defaultValue={v[name] ?? ''} {...fieldAria(id, errors)} />
    </div>
  );
  return (
    <>
      <div className="field">
        <label htmlFor="sp-unit">{t('sponsorship.field.managingUnit')}</label>
        <FieldError id="sp-unit" errors={errors} />
        <select id="sp-unit" name="unitId" defaultValue={v.unitId ?? ''} {...fieldAria('sp-unit', errors)}>
          <option value="">{t('units.field.choose')}</option>
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sp-kind">{t('sponsorship.field.sponsorKind')}</label>
        <select id="sp-kind" name="kind" defaultValue={v.kind ?? 'organisation'}>
          {SPONSOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sponsorship.sponsorKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
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
