// The form kit's fields: a label, an optional hint, the message under an invalid field and the control, wired
// for assistive technology (aria-invalid, aria-describedby naming the hint, then the error). Every page's
// form uses these instead of hand-written markup, so an error summary link (`#id`) always lands on a control
// whose error is announced with it.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useT } from '../i18n.ts';
import type { FormMessage } from './forms.ts';

export type FieldErrors = readonly FormMessage[] | undefined;

export function FieldError({ id, errors }: { id: string; errors: FieldErrors }) {
  const t = useT();
  const e = errors?.find((m) => m.field === id);
  if (!e) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {t(e.key, e.params)}
    </p>
  );
}

export interface FieldAria {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** aria-invalid and aria-describedby (hint first, then the error) for the control with `id`. */
export function fieldAria(id: string, errors: FieldErrors, hintId?: string): FieldAria {
  const invalid = errors?.some((m) => m.field === id) ?? false;
  const describedBy = [hintId, invalid ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    ...(invalid ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
}

interface Shell {
  /** The control's id: the label's target and the error summary's link target. */
  id: string;
  label: ReactNode;
  errors?: FieldErrors;
  /** Shown between the label and the control, and named by aria-describedby. */
  hint?: ReactNode;
  /** Extra classes for the wrapper (besides `field`). */
  className?: string | undefined;
}

/** The wrapper with a control of the page's own making: `children` receives the ARIA attributes to spread. */
export function Field({
  id,
  label,
  errors,
  hint,
  className,
  children,
}: Shell & { children: (aria: FieldAria) => ReactNode }) {
  const hintId = hint === undefined || hint === null ? undefined : `${id}-hint`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hintId ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} />
      {children(fieldAria(id, errors, hintId))}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children' | 'className'>;

export function TextField({ id, label, errors, hint, className, ...input }: Shell & InputProps) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint} className={className}>
      {(aria) => <input id={id} {...input} {...aria} />}
    </Field>
  );
}

export function TextArea({
  id,
  label,
  errors,
  hint,
  className,
  ...area
}: Shell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children' | 'className'>) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint} className={className}>
      {(aria) => <textarea id={id} {...area} {...aria} />}
    </Field>
  );
}

export function SelectField({
  id,
  label,
  errors,
  hint,
  className,
  children,
  ...select
}: Shell & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint} className={className}>
      {(aria) => (
        <select id={id} {...select} {...aria}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label after it (the box first, as people scan a list of choices). */
export function CheckboxField({
  id,
  label,
  errors,
  hint,
  className,
  ...input
}: Shell & Omit<InputProps, 'type'>) {
  const hintId = hint === undefined || hint === null ? undefined : `${id}-hint`;
  return (
    <div className={`field ${className ?? 'checkbox-field'}`}>
      <FieldError id={id} errors={errors} />
      <input id={id} type="checkbox" {...input} {...fieldAria(id, errors, hintId)} />
      <label htmlFor={id}>{label}</label>
      {hintId ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
