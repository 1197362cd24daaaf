// Reading the activity and partner forms: text fields, multi-selects and the one-name-per-line list of
// outside participants, into the use cases' input shapes (which validate them).

import type { FieldMessages } from '../ui/actor.ts';
import { formDay, formValues } from '../ui/form-values.server.ts';

export const ACTIVITY_FIELDS = [
  'unitId',
  'kind',
  'title',
  'country',
  'startsOn',
  'endsOn',
  'outcomes',
] as const;
const LISTS = ['partnerIds', 'staffUserIds', 'planInstanceIds'] as const;

export type ActivityFormValues = Record<(typeof ACTIVITY_FIELDS)[number] | 'externalNames', string> &
  Record<(typeof LISTS)[number], string[]>;

export function readActivityForm(form: FormData): ActivityFormValues {
  const v = formValues(form, [...ACTIVITY_FIELDS, 'externalNames']);
  const lists = Object.fromEntries(
    LISTS.map((k) => [k, form.getAll(k).map(String).filter(Boolean)]),
  ) as Record<(typeof LISTS)[number], string[]>;
  return { ...v, ...lists };
}

export function activityInput(v: ActivityFormValues) {
  return {
    unitId: v.unitId,
    kind: v.kind,
    title: v.title,
    country: v.country,
    startsOn: formDay(v.startsOn) ?? v.startsOn,
    endsOn: formDay(v.endsOn) ?? v.endsOn,
    outcomes: v.outcomes,
    partnerIds: v.partnerIds,
    staffUserIds: v.staffUserIds,
    planInstanceIds: v.planInstanceIds,
    externalNames: v.externalNames
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export const ACTIVITY_MESSAGES: FieldMessages = {
  unitId: { field: 'ca-unit', key: 'cooperation.invalid.unit' },
  kind: { field: 'ca-kind', key: 'cooperation.invalid.kind' },
  title: { field: 'ca-title', key: 'cooperation.invalid.title' },
  country: { field: 'ca-country', key: 'cooperation.invalid.country' },
  startsOn: { field: 'ca-starts', key: 'cooperation.invalid.startsOn' },
  endsOn: { field: 'ca-ends', key: 'cooperation.invalid.endsOn' },
  externalNames: { field: 'ca-external', key: 'cooperation.invalid.externalNames' },
  outcomes: { field: 'ca-outcomes', key: 'cooperation.invalid.outcomes' },
};

/** The form field a use-case refusal belongs to. */
export function activityFieldFor(code: string): string | undefined {
  return (
    {
      'cooperation.partner_not_found': 'ca-partners',
      'cooperation.staff_not_found': 'ca-staff',
      'cooperation.plan_instance_not_found': 'ca-plan',
    } as Record<string, string>
  )[code];
}
