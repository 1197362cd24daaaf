// Form helpers for the user-administration pages: read the role/unit fields, and turn Zod issues into the
// translated, field-linked messages the error summary shows.
import type { ZodError } from 'zod';
import { isMessageKey, type MessageKey } from '../../lib/i18n.server.ts';
import type { FormMessage } from './forms.ts';

/** Which message and which input (its id) each invalid input path maps to. */
export type FieldMessages = Record<string, { field: string; key: MessageKey }>;

export function issuesToMessages(error: ZodError, fields: FieldMessages): FormMessage[] {
  const out: FormMessage[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    // Path prefixes too: `schedule.weekly.exceptions.2` belongs to `schedule.weekly.exceptions`.
    const known = fields[path] ??
      fields[path.replace(/\.\d+$/, '')] ?? { field: '', key: 'error.validation' as MessageKey };
    // The shared field builders (text, dates) say precisely what is wrong: prefer their message.
    const keyed = keyedIssue(issue);
    const message: FormMessage = keyed
      ? { ...(known.field ? { field: known.field } : {}), key: keyed.key, params: keyed.params }
      : known.field
        ? known
        : { key: known.key };
    const id = `${message.field ?? ''}|${message.key}`;
    if (seen.has(id) || (!keyed && seen.has(known.key))) continue;
    seen.add(id);
    seen.add(message.key);
    out.push(message);
  }
  return out;
}

function keyedIssue(issue: ZodError['issues'][number]) {
  const params =
    'params' in issue ? (issue.params as Record<string, string | number> | undefined) : undefined;
  const key = params?.messageKey;
  if (!isMessageKey(key)) return null;
  const { messageKey: _, ...rest } = params as Record<string, string | number>;
  return { key, params: rest };
}

/** `?done=…` notices after a post-redirect-get; only known values are shown. */
export function doneNotice<K extends string>(url: string, known: Record<K, MessageKey>): MessageKey | null {
  const done = new URL(url).searchParams.get('done');
  return done && Object.hasOwn(known, done) ? known[done as K] : null;
}
