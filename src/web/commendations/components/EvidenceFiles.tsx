// A nomination's supporting-evidence files: name, caption, day added, each a private download for staff who
// may read the nomination; with a link to add or remove files while the nomination is open.
import { useHref, useT } from '../../i18n.ts';

export interface EvidenceFileView {
  id: string;
  fileName: string;
  caption: string;
  added: string;
}

export function EvidenceFiles({
  nominationId,
  files,
  canEdit,
}: {
  nominationId: string;
  files: readonly EvidenceFileView[];
  canEdit: boolean;
}) {
  const t = useT();
  const href = useHref();
  if (files.length === 0 && !canEdit) return null;
  return (
    <section aria-labelledby="evidence-files">
      <h2 id="evidence-files">{t('commendations.evidenceFiles.heading')}</h2>
      {files.length ? (
        <ul>
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/admin/commendations/${nominationId}/evidence/${f.id}`}>{f.fileName}</a>
              {f.caption ? ` — ${f.caption}` : ''} <span className="muted">({f.added})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('commendations.evidenceFiles.empty')}</p>
      )}
      {canEdit ? (
        <p>
          <a href={href(`/admin/commendations/${nominationId}/evidence`)}>
            {t('commendations.evidenceFiles.manage')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
