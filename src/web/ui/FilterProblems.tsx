// The alert of a list page whose query string did not validate: what was ignored, and for each bad value the
// precise reason the shared field builders gave (a date that does not exist, the range allowed…).
import type { MessageKey } from '../../lib/i18n.ts';
import { useT } from '../i18n.ts';
import type { FormMessage } from './forms.ts';

export function FilterProblems({ summary, problems }: { summary: MessageKey; problems: FormMessage[] }) {
  const t = useT();
  return (
    <div className="alert-error" role="alert">
      <p>{t(summary)}</p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((p) => (
            <li key={`${p.key}${JSON.stringify(p.params ?? {})}`}>{t(p.key, p.params)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
