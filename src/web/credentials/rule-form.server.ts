// Reading an achievement's award-rule form: the chosen kind and its own inputs into the rule the use case takes.
// Every problem is reported at once, each under its field, in words the staff member can act on: a field the
// form does not have, no kind, a count or hours that are not whole numbers in range, no path chosen.
import type { MessageKey } from '../../lib/i18n.ts';
import type { AwardRule } from '../../modules/credentials/credentials.rules.ts';
import { EVENT_CATEGORIES } from '../../modules/events/events.vocab.ts';
import { FORM_TOKEN_FIELD } from '../ui/FormToken.tsx';
import { formValues } from '../ui/form-values.server.ts';
import type { FormMessage } from '../ui/forms.ts';

export const RULE_FIELDS = ['ruleKind', 'ruleCategory', 'ruleCount', 'rulePath'] as const;
export type RuleFormValues = Record<(typeof RULE_FIELDS)[number], string>;

/** The rule as the form shows it (blank fields for the parts another kind does not use). */
export function ruleFormValues(rule: AwardRule | null): RuleFormValues {
  return {
    ruleKind: rule?.kind ?? '',
    ruleCategory: rule?.kind === 'events_attended' ? rule.category : '',
    ruleCount: rule?.kind === 'events_attended' ? String(rule.count) : '',
    rulePath: rule?.kind === 'path_completed' ? rule.ref : '',
  };
}

const wholeIn = (raw: string, min: number, max: number): number | null => {
  const s = raw.trim();
  if (!/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

export type RuleRead =
  | { ok: true; rule: AwardRule | null; values: RuleFormValues }
  | { ok: false; errors: FormMessage[]; values: RuleFormValues };

/**
 * Reads the rule fields of `form`; `allowed` are the other fields the form may carry (intent, version…).
 * `prefix` is the id prefix of the form's inputs (`rule-ruleKind`…).
 */
export function readRuleForm(form: FormData, allowed: readonly string[], prefix: string): RuleRead {
  const values = formValues(form, RULE_FIELDS);
  const errors: FormMessage[] = [];
  const known = new Set<string>([...RULE_FIELDS, ...allowed, FORM_TOKEN_FIELD]);
  const unknown = [...new Set([...form.keys()].filter((k) => !known.has(k)))];
  if (unknown.length)
    errors.push({ key: 'credentials.invalid.unknownFields', params: { fields: unknown.join(', ') } });
  const add = (field: (typeof RULE_FIELDS)[number], key: MessageKey) =>
    errors.push({ field: `${prefix}${field}`, key });
  let rule: AwardRule | null = null;
  if (values.ruleKind === 'events_attended') {
    const category = EVENT_CATEGORIES.find((c) => c === values.ruleCategory);
    const count = wholeIn(values.ruleCount, 1, 365);
    if (!category) add('ruleCategory', 'credentials.invalid.ruleCategory');
    if (count === null) add('ruleCount', 'credentials.invalid.ruleCount');
    if (category && count !== null) rule = { kind: 'events_attended', category, count };
  } else if (values.ruleKind === 'path_completed') {
    if (!/^[\w-]{1,64}$/.test(values.rulePath)) add('rulePath', 'credentials.invalid.rulePath');
    else rule = { kind: 'path_completed', ref: values.rulePath };
  } else if (values.ruleKind !== '') {
    add('ruleKind', 'credentials.invalid.ruleKind');
  }
  return errors.length ? { ok: false, errors, values } : { ok: true, rule, values };
}
