// The accessibility statement: the standard aimed at, how it is checked, what is known not to work, how to report.
import { useHref, useT } from '../i18n.ts';
import { InfoPage } from './info-page.tsx';

export default function Accessibility() {
  const t = useT();
  const href = useHref();
  return (
    <InfoPage
      title="portal.a11y.title"
      lead="portal.a11y.lead"
      sections={[
        {
          title: 'portal.a11y.works.title',
          paragraphs: ['portal.a11y.works.p1', 'portal.a11y.works.p2', 'portal.a11y.works.p3'],
        },
        { title: 'portal.a11y.tested.title', paragraphs: ['portal.a11y.tested.p1'] },
        { title: 'portal.a11y.limits.title', paragraphs: ['portal.a11y.limits.p1', 'portal.a11y.limits.p2'] },
      ]}
    >
      <p>
        <a href={href('/contact')}>{t('portal.a11y.report')}</a>
      </p>
    </InfoPage>
  );
}
