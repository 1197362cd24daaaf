// Records of other modules the catalogue search also finds (learning paths …: src/app/module.ts
// `searchSources`), listed under their type beside the catalogue's own results. Server-rendered, no JS.
import type { MessageKey } from '../../../lib/i18n.ts';
import { useHref, useT } from '../../i18n.ts';

export interface ContributedGroup {
  type: string;
  label: MessageKey;
  total: number;
  /** How many of this type's hits earlier pages showed (the list's numbering continues). */
  offset: number;
  hits: Array<{ id: string; title: string; summary: string; path: string; unitName: string | null }>;
}

export function ContributedHits({ groups }: { groups: readonly ContributedGroup[] }) {
  const t = useT();
  const href = useHref();
  if (groups.length === 0) return null;
  return (
    <>
      {groups.map((g) => (
        <section key={g.type} aria-labelledby={`found-${g.type}`} className="search-contributed">
          <h2 id={`found-${g.type}`}>
            {t(g.label)} ({g.total})
          </h2>
          <ol className="results" start={g.offset + 1}>
            {g.hits.map((h) => (
              <li key={h.id} className="result">
                <h3>
                  <a href={href(h.path)}>{h.title}</a>
                </h3>
                <p className="muted">{[t(g.label), h.unitName ?? ''].filter(Boolean).join(' · ')}</p>
                {h.summary ? <p>{h.summary}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
