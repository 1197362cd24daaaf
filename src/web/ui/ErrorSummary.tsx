// The error summary at the top of a form: announced to screen readers, each message linked to its field.

import { useT } from '../i18n.ts';
import type { FormMessage } from './forms.ts';

export function ErrorSummary({ errors }: { errors: readonly FormMessage[] | undefined }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
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
