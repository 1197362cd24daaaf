// Action of the path editor: details, publish/withdraw, add a step (every kind but images, which upload on
// their own page), move or remove a step. Each form carries the path's version; a stale one is refused (409).
import { data, redirect } from 'react-router';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { isAppError } from '../../../lib/errors.ts';
import { type Locale, localePath } from '../../../lib/i18n.ts';
import { PathUpdateSchema, StepInputSchema } from '../../../modules/learning/learning.schemas.server.ts';
import {
  addStep,
  changeStep,
  setPathStatus,
  updatePath,
} from '../../../modules/learning/learning.usecases.server.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { PATH_MESSAGES, readPathForm, readStepForm, STEP_MESSAGES, stepErrorField } from '../forms.server.ts';

const version = (form: FormData) => Number(formText(form, 'version')) || 0;

export async function pathEditAction(
  deps: AppDeps,
  actor: Actor,
  locale: Locale,
  request: Request,
  pathId: string,
) {
  const done = (what: string) =>
    redirect(`${localePath(locale, `/admin/learning/paths/${pathId}`)}?done=${what}`, 303);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  try {
    if (intent === 'details') {
      const { values, input } = readPathForm(form);
      const parsed = PathUpdateSchema.safeParse({ ...input, version: version(form) });
      if (!parsed.success)
        return invalid(issuesToMessages(parsed.error, PATH_MESSAGES), { intent, ...values });
      try {
        await updatePath(deps, actor, pathId, parsed.data);
      } catch (e) {
        return failure(e, { intent, ...values }, 'path-title');
      }
      return done('saved');
    }
    if (intent === 'publish' || intent === 'unpublish') {
      await setPathStatus(deps, actor, pathId, intent === 'publish' ? 'published' : 'draft', version(form));
      return done(intent === 'publish' ? 'published' : 'unpublished');
    }
    if (intent === 'step') {
      const { values, input } = readStepForm(form, version(form));
      const parsed = StepInputSchema.safeParse(input);
      if (!parsed.success)
        return invalid(issuesToMessages(parsed.error, STEP_MESSAGES), { intent, ...values });
      try {
        await onceForm(deps, actor, 'learning.step.create', form, (d) =>
          addStep(d, actor, pathId, parsed.data),
        );
      } catch (e) {
        return failure(e, { intent, ...values }, isAppError(e) ? stepErrorField(e.messageKey) : undefined);
      }
      return done('step');
    }
    const change = formText(form, 'change');
    if (intent === 'change' && (change === 'up' || change === 'down' || change === 'remove')) {
      await changeStep(deps, actor, pathId, formText(form, 'stepId'), change, version(form));
      return done(change === 'remove' ? 'removed' : 'moved');
    }
  } catch (e) {
    return failure(e, { intent });
  }
  return data(
    { ok: false as const, errors: [{ key: 'error.validation' as const }], values: { intent } },
    { status: 400 },
  );
}
