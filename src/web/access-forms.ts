// Form helpers for the user-administration pages: read the role/unit fields, and turn Zod issues into the
// translated, field-linked messages the error summary shows.
import type { ZodError } from 'zod';
import type { MessageKey } from '../lib/i18n.ts';
import type { FormMessage } from './auth-forms.ts';

/** Which message and which input (its id) each invalid input path maps to. */
export type FieldMessages = Record<string, { field: string; key: MessageKey }>;

export function issuesToMessages(error: ZodError, fields: FieldMessages): FormMessage[] {
  const out: FormMessage[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    const known = fields[path] ?? { field: '', key: 'error.validation' as MessageKey };
    if (seen.has(known.key)) continue;
    seen.add(known.key);
    out.push(known.field ? known : { key: known.key });
  }
  return out;
}

/** `?done=…` notices after a post-redirect-get; only known values are shown. */
export function doneNotice<K extends string>(url: string, known: Record<K, MessageKey>): MessageKey | null {
  const done = new URL(url).searchParams.get('done');
  return done && Object.hasOwn(known, done) ? known[done as K] : null;
}
