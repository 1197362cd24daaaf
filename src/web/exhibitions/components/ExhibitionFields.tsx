// The exhibition's own fields (titles, address, summaries, dates): shared by the create and edit forms.

import { useT } from '../../i18n.ts';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';
import type { EXHIBITION_FIELDS } from '../forms.server.ts';

type Name = (typeof EXHIBITION_FIELDS)[number];

/** Title, address, summary and dates: shared by the create form here and the edit form. */
export function ExhibitionFields({
  values: v,
  errors,
}: {
  values: Partial<Record<Name, string>>;
  errors: readonly FormMessage[] | undefined;
}) {
  const t = useT();
  const text = (id: string, name: Name, label: string, max: number, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} />
      <input
        id={id}
        name={name}
        maxLength={max}
        defaultValue={v[name] ?? ''}
        {...fieldAria(id, errors, hint ? `${id}-hint` : undefined)}
      />
    </div>
  );
  const area = (id: string, name: Name, label: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <textarea
        id={id}
        name={name}
        rows={4}
        maxLength={4000}
        defaultValue={v[name] ?? ''}
        {...fieldAria(id, errors)}
      />
    </div>
  );
  const day = (id: string, name: Name, label: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <input id={id} name={name} type="date" defaultValue={v[name] ?? ''} {...fieldAria(id, errors)} />
    </div>
  );
  return (
    <>
      {text('exhibition-title-vi', 'titleVi', t('exhibitions.field.titleVi'), 300)}
      {text('exhibition-title-en', 'titleEn', t('exhibitions.field.titleEn'), 300)}
      {text('exhibition-slug', 'slug', t('exhibitions.field.slug'), 120, t('exhibitions.field.slugHint'))}
      {area('exhibition-summary-vi', 'summaryVi', t('exhibitions.field.summaryVi'))}
      {area('exhibition-summary-en', 'summaryEn', t('exhibitions.field.summaryEn'))}
      {day('exhibition-start', 'startDate', t('exhibitions.field.startDate'))}
      {day('exhibition-end', 'endDate', t('exhibitions.field.endDate'))}
    </>
  );
}
