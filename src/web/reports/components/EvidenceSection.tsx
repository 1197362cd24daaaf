// The evidence files of a unit's manual values on its report page: listed (download links for whoever sees the
// report) and, while the report is editable, a plain multipart form to add one to an indicator.
import type { MessageKey } from '../../../lib/i18n.ts';
import { useHref, useT } from '../../i18n.ts';

export interface EvidenceItem {
  id: string;
  indicatorCode: string;
  fileName: string;
}

export function EvidenceSection(props: {
  base: string;
  files: readonly EvidenceItem[];
  indicators: ReadonlyArray<{ code: string; name: string }>;
  editable: boolean;
  error: MessageKey | null;
}) {
  const t = useT();
  const href = useHref();
  const { base, files, indicators, editable, error } = props;
  if (indicators.length === 0) return null;
  return (
    <section aria-labelledby="evidence">
      <h2 id="evidence">{t('reports.evidence.title')}</h2>
      {files.length ? (
        <ul>
          {files.map((f) => (
            <li key={f.id}>
              {`${f.indicatorCode}: `}
              <a href={href(`${base}/evidence/${f.id}`)}>{f.fileName}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('reports.evidence.none')}</p>
      )}
      {editable && (
        <form method="post" action={href(`${base}/evidence`)} encType="multipart/form-data" className="stack">
          {error && (
            <p role="alert" className="error" id="ev-error">
              {t(error)}
            </p>
          )}
          <label htmlFor="ev-indicator">{t('reports.evidence.indicator')}</label>
          <select id="ev-indicator" name="indicator">
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>{`${i.code} ${i.name}`}</option>
            ))}
          </select>
          <label htmlFor="ev-file">{t('reports.evidence.file')}</label>
          <input
            id="ev-file"
            name="file"
            type="file"
            required
            aria-describedby={error ? 'ev-error ev-help' : 'ev-help'}
          />
          <p id="ev-help" className="muted">
            {t('reports.evidence.help')}
          </p>
          <button type="submit">{t('reports.evidence.submit')}</button>
        </form>
      )}
    </section>
  );
}
