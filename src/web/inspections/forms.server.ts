// Reading the inspection forms into the use cases' input shapes (which validate them).
import type { FieldMessages } from '../ui/actor.ts';
import { formDay, formValues } from '../ui/form-values.server.ts';

export function readPlanForm(form: FormData) {
  const v = formValues(form, ['unitId', 'title', 'subject', 'plannedFrom', 'plannedTo'] as const);
  return {
    ...v,
    targetUnitIds: form.getAll('targetUnitIds').map(String),
    planInstanceIds: form.getAll('planInstanceIds').map(String).filter(Boolean),
  };
}
export type PlanFormValues = ReturnType<typeof readPlanForm>;

export const planInput = (v: PlanFormValues) => ({
  ...v,
  plannedFrom: formDay(v.plannedFrom) ?? v.plannedFrom,
  plannedTo: formDay(v.plannedTo) ?? v.plannedTo,
});

export const PLAN_MESSAGES: FieldMessages = {
  unitId: { field: 'ip-unit', key: 'inspections.invalid.unit' },
  title: { field: 'ip-title', key: 'inspections.invalid.title' },
  subject: { field: 'ip-subject', key: 'inspections.invalid.subject' },
  plannedFrom: { field: 'ip-from', key: 'inspections.invalid.plannedFrom' },
  plannedTo: { field: 'ip-to', key: 'inspections.invalid.plannedTo' },
  targetUnitIds: { field: 'ip-targets', key: 'inspections.invalid.targets' },
};
