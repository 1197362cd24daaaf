// Shown after a stale save: someone else saved this in the meantime. Lists, field by field, what is stored
// now next to what the user submitted (kept in the form below), so they can compare and save again.
import { useT } from '../i18n.ts';
import type { ConflictView, SavedValues } from './version-forms.ts';

const show = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));

export function ConflictSummary({
  conflict,
  submitted,
  labels,
}: {
  conflict: ConflictView | undefined;
  submitted: SavedValues | undefined;
  /** Translated label per compared field; fields not listed are not compared. */
  labels: Record<string, string>;
}) {
  const t = useT();
  if (!conflict) return null;
  const rows = Object.entries(labels).filter(
    ([field]) => show(conflict.saved[field]) !== show(submitted?.[field]),
  );
  return (
    <section
      className="conflict-summary"
      aria-labelledby="conflict-title"
      data-conflict-version={conflict.version}
    >
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.intro')}</p>
      {rows.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.saved')}</th>
              <th scope="col">{t('conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([field, label]) => (
              <tr key={field}>
                <th scope="row">{label}</th>
                <td>{show(conflict.saved[field])}</td>
                <td>{show(submitted?.[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('conflict.same')}</p>
      )}
    </section>
  );
}
