// The budget-instance page's form posts (see budget-instance.tsx): `intent` says which form; invalid input comes
// back as field-linked messages, success redirects with a `?done=` notice.
import { redirect } from 'react-router';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { isAppError } from '../../../lib/errors.ts';
import { type Locale, localePath } from '../../../lib/i18n.ts';
import {
  AppraiseBudgetLineSchema,
  CreateBudgetLineSchema,
  RecordSpendingSchema,
  UpdateBudgetLineSchema,
} from '../../../modules/plan/budget/budget.schemas.server.ts';
import {
  appraiseBudgetLine,
  createBudgetLine,
  deleteBudgetLine,
  recordBudgetSpending,
  updateBudgetLine,
} from '../../../modules/plan/budget/budget.usecases.server.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import { formValues } from '../../ui/form-values.server.ts';
import { type FormMessage, failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { BUDGET_FIELDS, budgetFieldMessages, fieldId, formAmount } from '../budget-forms.ts';

/** The instance's budget forms: add or correct a line, delete it, appraise it, record what was spent. */
export async function budgetInstanceAction(
  deps: AppDeps,
  actor: Actor,
  locale: Locale,
  request: Request,
  instanceId: string,
) {
  const form = await readPageForm(request);
  const values = formValues(form, BUDGET_FIELDS);
  const { intent, lineId } = values;
  const messages = budgetFieldMessages(intent, lineId);
  const back = (done: string) =>
    redirect(`${localePath(locale, `/admin/plan/budget/instances/${instanceId}`)}?done=${done}`, 303);
  const version = Number(values.version);
  const amountOf = () => formAmount(values.amount, fieldId(intent, lineId, 'amount'));
  const field = (e: unknown) =>
    isAppError(e) && e.code === 'plan.budget.unit_not_on_task' ? fieldId(intent, lineId, 'unit') : undefined;
  try {
    if (intent === 'create' || intent === 'update') {
      const amount = amountOf();
      const errors: FormMessage[] = 'error' in amount ? [amount.error] : [];
      const input = {
        content: values.content,
        amount: 'value' in amount ? amount.value : 0,
        source: values.source,
      };
      const parsed =
        intent === 'create'
          ? CreateBudgetLineSchema.safeParse({
              ...input,
              instanceId: instanceId,
              unitId: values.unitId,
            })
          : UpdateBudgetLineSchema.safeParse({ ...input, version });
      if (!parsed.success) errors.push(...issuesToMessages(parsed.error, messages));
      if (errors.length || !parsed.success) return invalid(errors, values);
      if (intent === 'create')
        await onceForm(deps, actor, 'plan.budget.create', form, async (d) => {
          await createBudgetLine(d, actor, CreateBudgetLineSchema.parse(parsed.data));
        });
      else await updateBudgetLine(deps, actor, lineId, UpdateBudgetLineSchema.parse(parsed.data));
      return back(intent === 'create' ? 'created' : 'updated');
    }
    if (intent === 'delete') {
      if (!Number.isSafeInteger(version) || version < 1)
        return invalid([{ key: 'planBudget.error.stale' }], values);
      await deleteBudgetLine(deps, actor, lineId, version);
      return back('deleted');
    }
    if (intent === 'appraise' || intent === 'spend') {
      const amount = amountOf();
      const errors: FormMessage[] = 'error' in amount ? [amount.error] : [];
      const value = 'value' in amount ? amount.value : 0;
      const parsed =
        intent === 'appraise'
          ? AppraiseBudgetLineSchema.safeParse({ version, approvedAmount: value, comment: values.comment })
          : RecordSpendingSchema.safeParse({ version, spentAmount: value, document: values.document });
      if (!parsed.success) errors.push(...issuesToMessages(parsed.error, messages));
      if (errors.length || !parsed.success) return invalid(errors, values);
      if (intent === 'appraise')
        await appraiseBudgetLine(deps, actor, lineId, AppraiseBudgetLineSchema.parse(parsed.data));
      else await recordBudgetSpending(deps, actor, lineId, RecordSpendingSchema.parse(parsed.data));
      return back(intent === 'appraise' ? 'appraised' : 'spent');
    }
    return invalid([{ key: 'error.validation' }], values);
  } catch (e) {
    return failure(e, values, field(e));
  }
}
