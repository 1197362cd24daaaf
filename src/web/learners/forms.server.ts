// Turning the learners use cases' refusals into the form kit's messages: every field's problem at once, each
// linked to its input.
import { data } from 'react-router';
import { isAppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import type { FormMessage } from '../ui/forms.ts';

/** A validation detail's path → the input's id and the message shown for it. */
const FIELD_MESSAGES: Record<string, { field: string; key: MessageKey }> = {
  phone: { field: 'learners-phone', key: 'learners.error.phoneInvalid' },
  code: { field: 'learners-code', key: 'learners.error.codeWrong' },
  email: { field: 'learners-email', key: 'learners.error.email' },
  password: { field: 'learners-password', key: 'learners.error.password' },
  displayName: { field: 'learners-name', key: 'learners.error.displayName' },
  birthYear: { field: 'learners-birth-year', key: 'learners.error.birthYear' },
  commune: { field: 'learners-commune', key: 'learners.error.commune' },
  interests: { field: 'learners-interests', key: 'learners.error.interests' },
  preferredLanguage: { field: 'learners-language', key: 'learners.error.language' },
  relation: { field: 'learners-relation', key: 'learners.error.relation' },
  guardianConsent: { field: 'learners-guardian-consent', key: 'learners.error.guardianConsentRequired' },
  childConsent: { field: 'learners-child-consent', key: 'learners.error.childConsentRequired' },
};

export function messagesFrom(e: unknown): { status: number; errors: FormMessage[]; headers: Headers } {
  if (!isAppError(e)) throw e;
  const headers = new Headers();
  const seconds = e.params?.seconds;
  if (e.status === 429 && seconds) headers.set('Retry-After', String(seconds));
  const seen = new Set<string>();
  const errors: FormMessage[] = [];
  for (const d of e.details ?? []) {
    const top = d.path.split('.')[0] ?? '';
    const m = FIELD_MESSAGES[top];
    if (!m || seen.has(top)) continue;
    seen.add(top);
    // The use case's own message when it is specific (a password rule, a consent), else the field's message.
    const own = e.messageKey !== 'error.validation' && (e.details?.length ?? 0) === 1;
    errors.push({ field: m.field, key: own ? e.messageKey : m.key });
  }
  if (errors.length === 0) errors.push({ key: e.messageKey, ...(e.params ? { params: e.params } : {}) });
  return { status: e.status, errors, headers };
}

/** The action's answer for a refused form: its messages, the values to keep, any extra state. */
export function refused<V extends Record<string, unknown>>(e: unknown, values: V) {
  const { status, errors, headers } = messagesFrom(e);
  return data({ ok: false as const, errors, values }, { status, headers });
}
