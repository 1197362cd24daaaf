// The inspection plan form (new and edit): inspecting unit, title, what is inspected, the units inspected,
// the planned period and the plan task instances (section VI) it serves.
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';

type Option = { id: string; name: string };
export interface PlanFormOptions {
  units: Option[];
  targets: Option[];
  planInstances: Array<{ id: string; year: number; label: string }>;
}

export function PlanForm(props: {
  options: PlanFormOptions;
  values: Record<string, string | string[]>;
  errors: readonly FormMessage[] | undefined;
  submitLabel: string;
  version?: number;
  token?: boolean;
}) {
  const t = useT();
  const { options: o, values: v, errors } = props;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);
  const chosen = new Set(list('targetUnitIds'));
  const text = (id: string, name: string, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <input id={id} name={name} type={type} defaultValue={str(name)} {...fieldAria(id, errors)} />
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
          <label htmlFor="ip-unit">{t('inspections.field.unit')}</label>
          <FieldError id="ip-unit" errors={errors} />
          <select id="ip-unit" name="unitId" defaultValue={str('unitId')} {...fieldAria('ip-unit', errors)}>
            <option value="">{t('units.field.choose')}</option>
            {o.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        {text('ip-title', 'title', t('inspections.field.title'))}
        <div className="field">
          <label htmlFor="ip-subject">{t('inspections.field.subject')}</label>
          <FieldError id="ip-subject" errors={errors} />
          <textarea id="ip-subject" name="subject" rows={4} defaultValue={str('subject')} />
        </div>
        {text('ip-from', 'plannedFrom', t('inspections.field.plannedFrom'), 'date')}
        {text('ip-to', 'plannedTo', t('inspections.field.plannedTo'), 'date')}
        <fieldset
          id="ip-targets"
          aria-describedby={errors?.some((e) => e.field === 'ip-targets') ? 'ip-targets-error' : undefined}
        >
          <legend>{t('inspections.field.targets')}</legend>
          <FieldError id="ip-targets" errors={errors} />
          {o.targets.map((u) => (
            <div key={u.id} className="check">
              <input
                id={`ip-t-${u.id}`}
                type="checkbox"
                name="targetUnitIds"
                value={u.id}
                defaultChecked={chosen.has(u.id)}
              />
              <label htmlFor={`ip-t-${u.id}`}>{u.name}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="ip-plan">{t('inspections.field.planInstances')}</label>
          <p className="hint" id="ip-plan-hint">
            {t('cooperation.form.manyHint')}
          </p>
          <select
            id="ip-plan"
            name="planInstanceIds"
            multiple
            size={Math.min(6, Math.max(2, o.planInstances.length))}
            defaultValue={list('planInstanceIds')}
            aria-describedby="ip-plan-hint"
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
