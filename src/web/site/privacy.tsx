// The privacy notice (Law 91/2025/QH15 on personal data protection; Decree 356/2025/NĐ-CP).
import { useHref, useT } from '../i18n.ts';
import { InfoPage } from './info-page.tsx';

export default function Privacy() {
  const t = useT();
  const href = useHref();
  return (
    <InfoPage
      title="portal.privacy.title"
      lead="portal.privacy.lead"
      sections={[
        {
          title: 'portal.privacy.what.title',
          paragraphs: ['portal.privacy.what.p1', 'portal.privacy.what.p2'],
        },
        { title: 'portal.privacy.why.title', paragraphs: ['portal.privacy.why.p1'] },
        { title: 'portal.privacy.keep.title', paragraphs: ['portal.privacy.keep.p1'] },
        {
          title: 'portal.privacy.rights.title',
          paragraphs: ['portal.privacy.rights.p1', 'portal.privacy.rights.p2'],
        },
        { title: 'portal.privacy.children.title', paragraphs: ['portal.privacy.children.p1'] },
      ]}
    >
      <p>
        <a href={href('/contact')}>{t('portal.privacy.contactLink')}</a>
      </p>
    </InfoPage>
  );
}
