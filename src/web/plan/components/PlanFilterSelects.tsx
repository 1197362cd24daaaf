// The plan pages' shared GET filters (task list, timeline, budget): phase, section, unit and year, each a
// FilterSelect with the same labels and "all" choice everywhere.
import { PLAN_PHASES, PLAN_SECTIONS, PROGRAM_YEAR_LIST } from '../../../modules/plan/plan.model.ts';
import { useT } from '../../i18n.ts';
import { FilterSelect } from '../../ui/FilterSelect.tsx';

type Value = string | number | null | undefined;

export function PlanPhaseSelect(props: { id: string; value: Value }) {
  const t = useT();
  return (
    <FilterSelect
      id={props.id}
      name="phase"
      label={t('plan.filter.phase')}
      allLabel={t('plan.filter.all')}
      value={props.value}
      options={PLAN_PHASES.map((p) => ({ value: String(p), label: String(t(`plan.phase.${p}`)) }))}
    />
  );
}

export function PlanSectionSelect(props: { id: string; value: Value }) {
  const t = useT();
  return (
    <FilterSelect
      id={props.id}
      name="section"
      label={t('plan.filter.section')}
      allLabel={t('plan.filter.all')}
      value={props.value}
      options={PLAN_SECTIONS.map((s) => ({ value: String(s), label: String(s) }))}
    />
  );
}

export function PlanUnitSelect(props: {
  id: string;
  value: Value;
  units: ReadonlyArray<{ code: string; name: string }>;
}) {
  const t = useT();
  return (
    <FilterSelect
      id={props.id}
      name="unit"
      label={t('plan.filter.unit')}
      allLabel={t('plan.filter.all')}
      value={props.value}
      options={props.units.map((u) => ({ value: String(u.code), label: String(u.name) }))}
    />
  );
}

export function PlanYearSelect(props: { id: string; value: Value }) {
  const t = useT();
  return (
    <FilterSelect
      id={props.id}
      name="year"
      label={t('plan.filter.year')}
      allLabel={t('plan.filter.all')}
      value={props.value}
      options={PROGRAM_YEAR_LIST.map((y) => ({ value: String(y), label: String(y) }))}
    />
  );
}
