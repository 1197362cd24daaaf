// The service-point form shared by "add" and "edit": every field labelled, errors linked to their inputs.
import type { MessageKey } from '../../../lib/i18n.ts';
import { PLACE_KINDS, PLACE_SERVICES, PLACE_STATUSES } from '../../../modules/places/places.kinds.ts';
import { useT } from '../../i18n.ts';
import { Field, FieldError, fieldAria, SelectField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { type UnitOption, UnitSelect } from '../../units/components/UnitFormParts.tsx';
import type { PlaceFormValues } from '../forms.server.ts';

type Errors = readonly FormMessage[] | undefined;

function TextField(props: {
  id: string;
  name: keyof PlaceFormValues;
  label: string;
  values: Partial<PlaceFormValues>;
  errors: Errors;
  maxLength: number;
  hintId?: string;
  type?: string;
  inputMode?: 'decimal' | 'tel' | 'email' | 'url';
  required?: boolean;
  multiline?: boolean;
}) {
  const common = {
    id: props.id,
    name: props.name,
    maxLength: props.maxLength,
    defaultValue: props.values[props.name] ?? '',
  };
  return (
    <Field id={props.id} label={props.label} errors={props.errors}>
      {() => {
        // The coordinates' hint stands above both inputs, outside this field.
        const own = { ...common, ...fieldAria(props.id, props.errors, props.hintId) };
        return props.multiline ? (
          <textarea rows={3} {...own} />
        ) : (
          <input
            type={props.type ?? 'text'}
            {...(props.inputMode ? { inputMode: props.inputMode } : {})}
            {...(props.required ? { required: true } : {})}
            {...own}
          />
        );
      }}
    </Field>
  );
}

export function PlaceForm(props: {
  values: Partial<PlaceFormValues>;
  errors: Errors;
  units: readonly UnitOption[];
  submitLabel: string;
  intent?: string;
  /** Edit form only: the version the form was loaded with (a stale save is refused). */
  version?: number;
}) {
  const t = useT();
  const { values: v, errors } = props;
  const services = new Set((v.services ?? '').split(',').filter(Boolean));
  return (
    <form method="post" className="form" noValidate>
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      {props.version !== undefined ? <input type="hidden" name="version" value={props.version} /> : null}
      <TextField
        id="place-name"
        name="name"
        label={t('places.field.name')}
        values={v}
        errors={errors}
        maxLength={300}
        required
      />
      <SelectField
        id="place-kind"
        label={t('places.field.kind')}
        errors={errors}
        name="kind"
        defaultValue={v.kind ?? ''}
      >
        <option value="">{t('places.field.choose')}</option>
        {PLACE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`places.kind.${k}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <UnitSelect
        id="place-unit"
        name="unitId"
        label={t('places.field.unit')}
        units={props.units}
        value={v.unitId ?? ''}
        errors={errors}
      />
      <TextField
        id="place-district"
        name="district"
        label={t('places.field.district')}
        values={v}
        errors={errors}
        maxLength={100}
      />
      <TextField
        id="place-commune"
        name="commune"
        label={t('places.field.commune')}
        values={v}
        errors={errors}
        maxLength={100}
      />
      <TextField
        id="place-address"
        name="address"
        label={t('places.field.address')}
        values={v}
        errors={errors}
        maxLength={300}
      />
      <p className="hint" id="place-coords-hint">
        {t('places.field.coordsHint')}
      </p>
      <TextField
        id="place-lat"
        name="lat"
        label={t('places.field.lat')}
        values={v}
        errors={errors}
        maxLength={30}
        inputMode="decimal"
        hintId="place-coords-hint"
      />
      <TextField
        id="place-lng"
        name="lng"
        label={t('places.field.lng')}
        values={v}
        errors={errors}
        maxLength={30}
        inputMode="decimal"
        hintId="place-coords-hint"
      />
      <TextField
        id="place-phone"
        name="phone"
        label={t('places.field.phone')}
        values={v}
        errors={errors}
        maxLength={20}
        type="tel"
      />
      <TextField
        id="place-email"
        name="email"
        label={t('places.field.email')}
        values={v}
        errors={errors}
        maxLength={200}
        type="email"
      />
      <TextField
        id="place-website"
        name="website"
        label={t('places.field.website')}
        values={v}
        errors={errors}
        maxLength={500}
        type="url"
      />
      <TextField
        id="place-description"
        name="description"
        label={t('places.field.description')}
        values={v}
        errors={errors}
        maxLength={4000}
        multiline
      />
      <TextField
        id="place-accessibility"
        name="accessibility"
        label={t('places.field.accessibility')}
        values={v}
        errors={errors}
        maxLength={2000}
        multiline
      />
      <fieldset className="facet" id="place-services">
        <legend>{t('places.field.services')}</legend>
        <FieldError id="place-services" errors={errors} />
        <ul className="plain-list">
          {PLACE_SERVICES.map((s) => (
            <li key={s}>
              <label>
                <input type="checkbox" name="services" value={s} defaultChecked={services.has(s)} />{' '}
                {t(`places.service.${s}` as MessageKey)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SelectField
        id="place-status"
        label={t('places.field.status')}
        errors={errors}
        name="status"
        defaultValue={v.status || 'active'}
      >
        {PLACE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`places.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <div>
        <FormToken />
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
