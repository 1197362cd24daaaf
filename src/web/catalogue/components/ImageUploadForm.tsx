// The image upload form (multipart, no JavaScript): the file, the required Vietnamese alt text with advice on
// writing it, an optional English alt text and captions. Used for record images and exhibition images.

import { useT } from '../../i18n.ts';
import { FieldError, fieldAria, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';

const textOf = (v: object, name: string): string => {
  const x = (v as Record<string, unknown>)[name];
  return typeof x === 'string' ? x : '';
};

export function ImageTextFields({
  prefix,
  values: v,
  errors,
}: {
  prefix: string;
  values: object;
  errors: readonly FormMessage[] | undefined;
}) {
  const t = useT();
  const field = (suffix: string, name: string, label: string, max: number, hint?: string) => {
    const id = `${prefix}-${suffix}`;
    return (
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
          defaultValue={textOf(v, name)}
          {...(suffix === 'alt-vi' ? { required: true } : {})}
          {...fieldAria(id, errors, hint ? `${id}-hint` : undefined)}
        />
      </div>
    );
  };
  return (
    <>
      {field('alt-vi', 'altVi', t('exhibitions.field.altVi'), 500, t('exhibitions.field.altHint'))}
      {field('alt-en', 'altEn', t('exhibitions.field.altEn'), 500)}
      {field('caption-vi', 'captionVi', t('exhibitions.field.captionVi'), 2000)}
      {field('caption-en', 'captionEn', t('exhibitions.field.captionEn'), 2000)}
    </>
  );
}

export function ImageUploadForm({
  prefix,
  values,
  errors,
  submitLabel,
}: {
  prefix: string;
  values: Record<string, string>;
  errors: readonly FormMessage[] | undefined;
  submitLabel: string;
}) {
  const t = useT();
  const fileId = `${prefix}-file`;
  return (
    <form method="post" encType="multipart/form-data" className="form" noValidate>
      <FormToken />
      <TextField
        id={fileId}
        label={t('exhibitions.field.file')}
        errors={errors}
        hint={t('exhibitions.field.fileHint')}
        name="file"
        type="file"
        required
        accept="image/jpeg,image/png,image/webp"
      />
      <ImageTextFields prefix={prefix} values={values} errors={errors} />
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
