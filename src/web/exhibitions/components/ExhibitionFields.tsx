// The exhibition's own fields (titles, address, summaries, dates): shared by the create and edit forms.

import { useT } from '../../i18n.ts';
import { TextArea, TextField } from '../../ui/Field.tsx';
import type { FormMessage } from '../../ui/forms.ts';
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
    <TextField
      id={id}
      label={label}
      errors={errors}
      hint={hint}
      name={name}
      maxLength={max}
      defaultValue={v[name] ?? ''}
    />
  );
  const area = (id: string, name: Name, label: string) => (
    <TextArea
      id={id}
      label={label}
      errors={errors}
      name={name}
      rows={4}
      maxLength={4000}
      defaultValue={v[name] ?? ''}
    />
  );
  const day = (id: string, name: Name, label: string) => (
    <TextField id={id} label={label} errors={errors} name={name} type="date" defaultValue={v[name] ?? ''} />
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
