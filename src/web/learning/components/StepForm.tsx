// The "add a step" form of the path editor: one form for every kind but images (which upload on their own
// page); the hint under each field says which kinds use it, so it works without JavaScript.
import { STEP_KINDS } from '../../../modules/learning/learning.vocab.ts';
import { useT } from '../../i18n.ts';
import { FieldError, fieldAria, SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
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
      <SelectField
        id="step-kind"
        label={t('learning.field.kind')}
        errors={e}
        name="kind"
        defaultValue={v.kind ?? 'page'}
      >
        {STEP_KINDS.filter((k) => k !== 'image').map((k) => (
          <option key={k} value={k}>
            {t(stepKindKey(k))}
          </option>
        ))}
      </SelectField>
      <TextField
        id="step-title"
        label={t('learning.field.title')}
        errors={e}
        name="title"
        defaultValue={v.title ?? ''}
      />
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
