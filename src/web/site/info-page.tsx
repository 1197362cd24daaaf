// The site's own information pages (contact, accessibility statement, privacy notice): a title, a lead and
// sections of paragraphs, all from the message catalogues.
import type { MessageKey } from '../../lib/i18n.ts';
import { useT } from '../i18n.ts';

export interface InfoSection {
  title: MessageKey;
  paragraphs: readonly MessageKey[];
}

export function InfoPage({
  title,
  lead,
  sections,
  children,
}: {
  title: MessageKey;
  lead: MessageKey;
  sections: readonly InfoSection[];
  children?: React.ReactNode;
}) {
  const t = useT();
  return (
    <article className="prose">
      <title>{`${t(title)} — Suốt Đời`}</title>
      <h1>{t(title)}</h1>
      <p className="lead">{t(lead)}</p>
      {children}
      {sections.map((s) => (
        <section key={s.title}>
          <h2>{t(s.title)}</h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{t(p)}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
