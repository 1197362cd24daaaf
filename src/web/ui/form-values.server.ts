// Reading a posted form for the page actions: the fields' values as typed (kept to refill the form after an
// error), dates accepted as dd/mm/yyyy as well as the ISO value a date input sends, blank meaning "not given".
import { isBlank } from '../../lib/text.server.ts';
import { formText } from './forms.ts';

/** '' → undefined (the use case applies its default); 'dd/mm/yyyy' → 'yyyy-mm-dd'; anything else as typed. */
export function formDay(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}` : s;
}

export const optionalText = (raw: string): string | undefined => (isBlank(raw) ? undefined : raw);

/** The posted values of the fields named, as strings (kept to refill the form after an error). */
export function formValues<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const n of names) out[n] = formText(form, n);
  return out;
}
