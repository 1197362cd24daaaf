// The nomination form (new and edit): nominating unit, collective or individual, the nominee, the kind of
// merit (model, creative practice, achievement), a title, the achievements, evidence links, plan instances.
import { COMM_CATEGORIES, NOMINEE_KINDS } from '../../../modules/commendations/commendations.vocab.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';

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
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <select id={id} name={name} defaultValue={str(name)} {...fieldAria(id, errors)}>
        {empty !== null ? <option value="">{empty}</option> : null}
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </div>
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
        <div className="field">
          <label htmlFor="cn-name">{t('commendations.field.nomineeName')}</label>
          <FieldError id="cn-name" errors={errors} />
          <input
            id="cn-name"
            name="nomineeName"
            defaultValue={str('nomineeName')}
            {...fieldAria('cn-name', errors)}
          />
        </div>
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
        <div className="field">
          <label htmlFor="cn-title">{t('commendations.field.title')}</label>
          <FieldError id="cn-title" errors={errors} />
          <input id="cn-title" name="title" defaultValue={str('title')} {...fieldAria('cn-title', errors)} />
        </div>
        {area('cn-achievements', 'achievements', t('commendations.field.achievements'), 6)}
        {area(
          'cn-evidence',
          'evidenceUrls',
          t('commendations.field.evidence'),
          3,
          t('commendations.form.evidenceHint'),
        )}
        <div className="field">
          <label htmlFor="cn-plan">{t('commendations.field.planInstances')}</label>
          <p className="hint" id="cn-plan-hint">
            {t('cooperation.form.manyHint')}
          </p>
          <select
            id="cn-plan"
            name="planInstanceIds"
            multiple
            size={Math.min(6, Math.max(2, o.planInstances.length))}
            defaultValue={Array.isArray(v.planInstanceIds) ? v.planInstanceIds : []}
            aria-describedby="cn-plan-hint"
          >
            {o.planInstances.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.year} · ${p.label}`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{props.submitLabel}</button>
      </form>
    </>
  );
}
