// Reads the unit's report form (page action) into the use case's input: narratives per section, manual values
// with evidence (a value without evidence, or evidence without a value, is an error on that field).

import type { SubmissionContentInput } from '../../modules/reports/reports.usecases.server.ts';
import type { FormMessage } from '../ui/forms.ts';
import { formText } from '../ui/forms.ts';

export function readSubmissionForm(
  form: FormData,
  sections: ReadonlyArray<{ code: string }>,
  manualCodes: readonly string[],
): { input: SubmissionContentInput | null; errors: FormMessage[]; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') values[k] = v;
  const errors: FormMessage[] = [];
  const narratives: Record<string, string> = {};
  for (const s of sections) {
    const text = formText(form, `narrative-${s.code}`).trim();
    if (text.length > 20_000) errors.push({ key: 'reports.error.tooLong', field: `narrative-${s.code}` });
    if (text) narratives[s.code] = text;
  }
  const manualValues: SubmissionContentInput['manualValues'] = {};
  for (const code of manualCodes) {
    const raw = formText(form, `value-${code}`).trim().replace(',', '.');
    const evidence = formText(form, `evidence-${code}`).trim();
    if (!raw && !evidence) continue;
    const value = Number(raw);
    if (!raw || !Number.isFinite(value))
      errors.push({ key: 'reports.error.value', field: `value-${code}`, params: { code } });
    else if (!evidence || evidence.length > 500)
      errors.push({ key: 'reports.error.evidence', field: `evidence-${code}`, params: { code } });
    else manualValues[code] = { value, evidence };
  }
  const difficulties = formText(form, 'difficulties').trim();
  const proposals = formText(form, 'proposals').trim();
  const version = Number(formText(form, 'version'));
  if (!Number.isInteger(version) || version < 1) errors.push({ key: 'error.validation' });
  if (errors.length > 0) return { input: null, errors, values };
  return { input: { narratives, difficulties, proposals, manualValues, version }, errors, values };
}
