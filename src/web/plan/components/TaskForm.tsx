// The add-task and edit-task form (focal point): wording, lead and coordinating units, years, and the reason
// kept in the task's history. Plain checkboxes and selects: works without JavaScript.
import { PLAN_PHASES, PLAN_SECTIONS, PROGRAM_YEARS } from '../../../modules/plan/plan.model.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';

export interface TaskFormValues {
  phase?: string;
  section?: string;
  content: string;
  product: string;
  lead: readonly string[];
  coordinating: readonly string[];
  yearly: boolean;
  timeFrom: string;
  timeTo: string;
  reason: string;
}

const YEARS = Array.from(
  { length: PROGRAM_YEARS.to - PROGRAM_YEARS.from + 1 },
  (_, i) => PROGRAM_YEARS.from + i,
);

export function TaskForm({
  mode,
  values,
  units,
  version,
}: {
  mode: 'add' | 'edit';
  values: TaskFormValues;
  units: ReadonlyArray<{ id: string; name: string }>;
  /** The version the edit form was loaded with (edit only). */
  version?: number;
}) {
  const t = useT();
  return (
    <form method="post" className="stack-form">
      <input type="hidden" name="intent" value={mode} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormToken />
      {mode === 'add' ? (
        <>
          <SelectField
            id="task-phase"
            label={t('plan.filter.phase')}
            name="phase"
            defaultValue={values.phase ?? PLAN_PHASES[1]}
          >
            {PLAN_PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`plan.phase.${p}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="task-section"
            label={t('plan.filter.section')}
            name="section"
            defaultValue={values.section ?? 'I'}
          >
            {PLAN_SECTIONS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      <TextArea
        id="task-content"
        label={t('plan.col.content')}
        name="content"
        rows={3}
        required
        maxLength={2000}
        defaultValue={values.content}
      />
      <TextField
        id="task-product"
        label={t('plan.col.product')}
        name="product"
        required
        maxLength={500}
        defaultValue={values.product}
      />
      {(['lead', 'coordinating'] as const).map((role) => (
        <fieldset key={role} id={`task-${role}`}>
          <legend>{t(role === 'lead' ? 'plan.col.lead' : 'plan.col.coordinating')}</legend>
          <ul className="plain-list">
            {units.map((u) => (
              <li key={u.id} className="checkbox-field">
                <input
                  type="checkbox"
                  id={`task-${role}-${u.id}`}
                  name={role}
                  value={u.id}
                  defaultChecked={(role === 'lead' ? values.lead : values.coordinating).includes(u.id)}
                />
                <label htmlFor={`task-${role}-${u.id}`}>{u.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <fieldset id="task-time">
        <legend>{t('plan.col.time')}</legend>
        <div className="checkbox-field">
          <input type="checkbox" id="task-yearly" name="yearly" value="1" defaultChecked={values.yearly} />
          <label htmlFor="task-yearly">{t('plan.time.yearly')}</label>
        </div>
        <SelectField
          id="task-from"
          label={t('planwork.task.from')}
          name="timeFrom"
          defaultValue={values.timeFrom}
        >
          <option value="">—</option>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField id="task-to" label={t('planwork.task.to')} name="timeTo" defaultValue={values.timeTo}>
          <option value="">—</option>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <TextArea
        id="task-reason"
        label={t('planwork.task.reason')}
        name="reason"
        rows={2}
        required
        maxLength={2000}
        defaultValue={values.reason}
      />
      <button type="submit">
        {t(mode === 'add' ? 'planwork.task.addSubmit' : 'planwork.task.editSubmit')}
      </button>
    </form>
  );
}
