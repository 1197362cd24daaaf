// The award-rule fields of the achievement forms (create and edit): the kind, then the inputs of each kind in
// its own group (the number of events of a category in a year; the learning path to complete). Without
// JavaScript every group is shown; the kind chosen decides which inputs count.
import type { MessageKey } from '../../lib/i18n.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../../modules/events/events.vocab.ts';
import { useT } from '../i18n.ts';
import { SelectField, TextField } from '../ui/Field.tsx';
import type { FormMessage } from '../ui/forms.ts';

export interface PathOption {
  id: string;
  title: string;
  unitName: string;
  draft: boolean;
}

export function RuleFields({
  prefix,
  values,
  errors,
  paths,
  kinds,
}: {
  prefix: string;
  values: Partial<Record<string, string>>;
  errors: readonly FormMessage[] | undefined;
  paths: readonly PathOption[];
  kinds: readonly string[];
}) {
  const t = useT();
  const errs = errors ? [...errors] : undefined;
  return (
    <>
      <SelectField
        id={`${prefix}ruleKind`}
        label={t('credentials.field.ruleKind')}
        name="ruleKind"
        errors={errs}
        defaultValue={values.ruleKind ?? ''}
      >
        <option value="">{t('credentials.admin.rule.none')}</option>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`credentials.admin.rule.${k}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <fieldset className="rule-group">
        <legend>{t('credentials.admin.rule.events_attended')}</legend>
        <SelectField
          id={`${prefix}ruleCategory`}
          label={t('credentials.field.ruleCategory')}
          name="ruleCategory"
          errors={errs}
          defaultValue={values.ruleCategory || 'reading'}
        >
          {EVENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`eventFeeds.category.${c as EventCategory}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${prefix}ruleCount`}
          label={t('credentials.field.ruleCount')}
          name="ruleCount"
          inputMode="numeric"
          errors={errs}
          hint={t('credentials.hint.ruleCount')}
          defaultValue={values.ruleCount ?? '3'}
        />
      </fieldset>
      <fieldset className="rule-group">
        <legend>{t('credentials.admin.rule.path_completed')}</legend>
        <SelectField
          id={`${prefix}rulePath`}
          label={t('credentials.field.rulePath')}
          name="rulePath"
          errors={errs}
          hint={paths.length ? t('credentials.hint.rulePath') : t('credentials.hint.noPaths')}
          defaultValue={values.rulePath ?? ''}
        >
          <option value="">{t('credentials.admin.rule.choosePath')}</option>
          {paths.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} — {p.unitName}
              {p.draft ? ` (${t('credentials.admin.rule.pathDraft')})` : ''}
            </option>
          ))}
        </SelectField>
      </fieldset>
    </>
  );
}
