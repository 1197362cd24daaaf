// Form handling of the budget pages: amounts typed as "1.234.567" or "1234567" are parsed strictly, and every
// invalid field maps to a translated message linked to its input.
import type { MessageKey } from '../../lib/i18n.ts';
import { parseVnd } from '../../lib/money.ts';
import type { FormMessage } from '../ui/forms.ts';

export const BUDGET_FIELDS = [
  'intent',
  'lineId',
  'version',
  'unitId',
  'content',
  'amount',
  'source',
  'comment',
  'document',
] as const;

const AMOUNT_KEYS: Record<'empty' | 'format' | 'too_large', MessageKey> = {
  empty: 'planBudget.invalid.amountEmpty',
  format: 'planBudget.invalid.amountFormat',
  too_large: 'planBudget.invalid.amountTooLarge',
};

/** The amount, or the message for the input `field`. */
export function formAmount(raw: string, field: string): { value: number } | { error: FormMessage } {
  const r = parseVnd(raw);
  return r.ok ? { value: r.value } : { error: { field, key: AMOUNT_KEYS[r.reason] } };
}

/** Input ids: `create-…` for the new line, `<intent>-<lineId>-…` for a line's forms. */
export function fieldId(intent: string, lineId: string, name: string): string {
  return intent === 'create' ? `create-${name}` : `${intent}-${lineId}-${name}`;
}

export function budgetFieldMessages(intent: string, lineId: string) {
  const id = (name: string) => fieldId(intent, lineId, name);
  return {
    unitId: { field: id('unit'), key: 'planBudget.invalid.unit' as MessageKey },
    content: { field: id('content'), key: 'planBudget.invalid.content' as MessageKey },
    amount: { field: id('amount'), key: 'planBudget.invalid.amountFormat' as MessageKey },
    approvedAmount: { field: id('amount'), key: 'planBudget.invalid.amountFormat' as MessageKey },
    spentAmount: { field: id('amount'), key: 'planBudget.invalid.amountFormat' as MessageKey },
    source: { field: id('source'), key: 'planBudget.invalid.source' as MessageKey },
    comment: { field: id('comment'), key: 'planBudget.invalid.comment' as MessageKey },
    document: { field: id('document'), key: 'planBudget.invalid.document' as MessageKey },
    version: { field: '', key: 'planBudget.error.stale' as MessageKey },
  };
}
