// The activity form (new and edit): unit, kind, title, country, dates, partners, staff taking part, outside
// participants (one name per line), outcomes and the plan task instances it is evidence for.
import { COOP_KINDS } from '../../../modules/cooperation/cooperation.vocab.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';

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
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <input id={id} name={name} type={type} defaultValue={str(name)} {...fieldAria(id, errors)} />
    </div>
  );
  const multi = (id: string, name: string, label: string, items: Option[]) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('cooperation.form.manyHint')}
      </p>
      <FieldError id={id} errors={errors} />
      <select
        id={id}
        name={name}
        multiple
        size={Math.min(6, Math.max(2, items.length))}
        defaultValue={list(name)}
        {...fieldAria(id, errors, `${id}-hint`)}
      >
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        {props.token ? <FormToken /> : null}
        {props.version ? <input type="hidden" name="version" value={props.version} /> : null}
        <input type="hidden" name="intent" value="save" />
        <div className="field">
          <label htmlFor="ca-unit">{t('cooperation.field.unit')}</label>
          <FieldError id="ca-unit" errors={errors} />
          <select id="ca-unit" name="unitId" defaultValue={str('unitId')} {...fieldAria('ca-unit', errors)}>
            <option value="">{t('units.field.choose')}</option>
            {o.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ca-kind">{t('cooperation.field.kind')}</label>
          <FieldError id="ca-kind" errors={errors} />
          <select
            id="ca-kind"
            name="kind"
            defaultValue={str('kind') || 'study_visit'}
            {...fieldAria('ca-kind', errors)}
          >
            {COOP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cooperation.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {text('ca-title', 'title', t('cooperation.field.title'))}
        <div className="field">
          <label htmlFor="ca-country">{t('cooperation.field.country')}</label>
          <FieldError id="ca-country" errors={errors} />
          <select
            id="ca-country"
            name="country"
            defaultValue={str('country')}
            {...fieldAria('ca-country', errors)}
          >
            <option value="">{t('cooperation.form.chooseCountry')}</option>
            {o.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {text('ca-starts', 'startsOn', t('cooperation.field.startsOn'), 'date')}
        {text('ca-ends', 'endsOn', t('cooperation.field.endsOn'), 'date')}
        {multi('ca-partners', 'partnerIds', t('cooperation.field.partners'), o.partners)}
        {multi('ca-staff', 'staffUserIds', t('cooperation.field.staff'), o.staff)}
        <div className="field">
          <label htmlFor="ca-external">{t('cooperation.field.externalNames')}</label>
          <p className="hint" id="ca-external-hint">
            {t('cooperation.form.externalHint')}
          </p>
          <FieldError id="ca-external" errors={errors} />
          <textarea
            id="ca-external"
            name="externalNames"
            rows={3}
            defaultValue={str('externalNames')}
            {...fieldAria('ca-external', errors, 'ca-external-hint')}
          />
        </div>
        <div className="field">
          <label htmlFor="ca-outcomes">{t('cooperation.field.outcomes')}</label>
          <FieldError id="ca-outcomes" errors={errors} />
          <textarea
            id="ca-outcomes"
            name="outcomes"
            rows={5}
            defaultValue={str('outcomes')}
            {...fieldAria('ca-outcomes', errors)}
          />
        </div>
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
