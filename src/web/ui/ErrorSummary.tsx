// The error summary at the top of a form: announced to screen readers, each message linked to its field.

import { useT } from '../i18n.ts';
import type { FormMessage } from './forms.ts';

/**
 * `autoFocus`: the summary takes the focus when the page arrives (the browser scrolls to it, with or without
 * JavaScript), as the GOV.UK pattern asks; use it where the summary is the page's first problem report.
 */
export function ErrorSummary({
  errors,
  autoFocus = false,
}: {
  errors: readonly FormMessage[] | undefined;
  autoFocus?: boolean;
}) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      // biome-ignore lint/a11y/noAutofocus: moving focus to the error summary is the GOV.UK pattern
      autoFocus={autoFocus}
    >
      <h2 id="error-summary-title">{t('auth.form.errorTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field ?? ''}${e.key}`}>
            {e.field ? <a href={`#${e.field}`}>{t(e.key, e.params)}</a> : t(e.key, e.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}
