// Reading the nomination form into the use cases' input shape (which validates it).
import type { FieldMessages } from '../ui/actor.ts';
import { formValues } from '../ui/form-values.server.ts';

export function readNominationForm(form: FormData) {
  const v = formValues(form, [
    'unitId',
    'nomineeKind',
    'nomineeName',
    'nomineeUnitId',
    'category',
    'title',
    'achievements',
    'evidenceUrls',
  ] as const);
  return { ...v, planInstanceIds: form.getAll('planInstanceIds').map(String).filter(Boolean) };
}
export type NominationFormValues = ReturnType<typeof readNominationForm>;

export const nominationInput = (v: NominationFormValues) => ({
  ...v,
  nomineeUnitId: v.nomineeUnitId || null,
  evidenceUrls: v.evidenceUrls
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean),
});

export const NOMINATION_MESSAGES: FieldMessages = {
  unitId: { field: 'cn-unit', key: 'commendations.invalid.unit' },
  nomineeKind: { field: 'cn-kind', key: 'commendations.invalid.nomineeKind' },
  nomineeName: { field: 'cn-name', key: 'commendations.invalid.nomineeName' },
  category: { field: 'cn-category', key: 'commendations.invalid.category' },
  title: { field: 'cn-title', key: 'commendations.invalid.title' },
  achievements: { field: 'cn-achievements', key: 'commendations.invalid.achievements' },
  evidenceUrls: { field: 'cn-evidence', key: 'commendations.invalid.evidence' },
};
