// The "add a step" form of the path editor: one form for every kind but images (which upload on their own
// page); the hint under each field says which kinds use it, so it works without JavaScript.
import { STEP_KINDS } from '../../../modules/learning/learning.vocab.ts';
import { useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';
import { stepKindKey } from './StepKind.tsx';

type Errors = readonly FormMessage[] | undefined;

export function StepForm({
  values: v,
  errors: e,
  version,
}: {
  values: Record<string, string>;
  errors: Errors;
  version: number;
}) {
  const t = useT();
  const field = (id: string, name: string, label: string, hint: string, rows = 0) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={id} errors={e} />
      {rows ? (
        <textarea
          id={id}
          name={name}
          rows={rows}
          defaultValue={v[name] ?? ''}
          {...fieldAria(id, e, `${id}-hint`)}
        />
      ) : (
        <input id={id} name={name} defaultValue={v[name] ?? ''} {...fieldAria(id, e, `${id}-hint`)} />
      )}
    </div>
  );
  return (
    <form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="step" />
      <input type="hidden" name="version" value={version} />
      <FormToken />
      <div className="field">
        <label htmlFor="step-kind">{t('learning.field.kind')}</label>
        <FieldError id="step-kind" errors={e} />
        <select id="step-kind" name="kind" defaultValue={v.kind ?? 'page'} {...fieldAria('step-kind', e)}>
          {STEP_KINDS.filter((k) => k !== 'image').map((k) => (
            <option key={k} value={k}>
              {t(stepKindKey(k))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="step-title">{t('learning.field.title')}</label>
        <FieldError id="step-title" errors={e} />
        <input id="step-title" name="title" defaultValue={v.title ?? ''} {...fieldAria('step-title', e)} />
      </div>
      {field('step-body', 'body', t('learning.field.body'), t('learning.field.bodyHint'), 8)}
      {field('step-url', 'url', t('learning.field.url'), t('learning.field.urlHint'))}
      {field('step-ref', 'refId', t('learning.field.refId'), t('learning.field.refIdHint'))}
      {field('step-quiz', 'quizText', t('learning.field.quizText'), t('learning.field.quizTextHint'), 8)}
      {field('step-pass', 'passMark', t('learning.field.passMark'), t('learning.field.passMarkHint'))}
      {field(
        'step-attempts',
        'maxAttempts',
        t('learning.field.maxAttempts'),
        t('learning.field.maxAttemptsHint'),
      )}
      <div className="field checkbox-field">
        <input
          id="step-required"
          name="required"
          type="checkbox"
          defaultChecked={v.kind ? v.required === 'on' : true}
        />
        <label htmlFor="step-required">{t('learning.field.required')}</label>
      </div>
      <div>
        <button type="submit">{t('learning.admin.addStep')}</button>
      </div>
    </form>
  );
}
