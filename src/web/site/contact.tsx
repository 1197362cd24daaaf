// Contact: the department's address, phone and e-mail when the administrator has set them (settings
// `department.address`, `department.phone`, `department.email`), and where each place's own contacts are.
import { requestContext } from '../context.ts';
import { useHref, useT } from '../i18n.ts';
import type { Route } from './+types/contact.ts';
import { InfoPage } from './info-page.tsx';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  const get = async (key: string) => {
    const v = await deps.repos.settings.getCached<unknown>(key);
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  };
  return {
    address: await get('department.address'),
    phone: await get('department.phone'),
    email: await get('department.email'),
  };
}

export default function Contact({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { address, phone, email } = loaderData;
  return (
    <InfoPage
      title="portal.contact.title"
      lead="portal.contact.lead"
      sections={[
        { title: 'portal.contact.events.title', paragraphs: ['portal.contact.events.body'] },
        { title: 'portal.contact.data.title', paragraphs: ['portal.contact.data.body'] },
      ]}
    >
      <section aria-labelledby="contact-dept">
        <h2 id="contact-dept">{t('portal.contact.department')}</h2>
        {address || phone || email ? (
          <dl className="facts">
            {address ? (
              <>
                <dt>{t('portal.contact.address')}</dt>
                <dd>{address}</dd>
              </>
            ) : null}
            {phone ? (
              <>
                <dt>{t('portal.contact.phone')}</dt>
                <dd>
                  <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
                </dd>
              </>
            ) : null}
            {email ? (
              <>
                <dt>{t('portal.contact.email')}</dt>
                <dd>
                  <a href={`mailto:${email}`}>{email}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t('portal.contact.notConfigured')}</p>
        )}
        <p>
          <a href={href('/places')}>{t('portal.contact.placesLink')}</a>
        </p>
      </section>
    </InfoPage>
  );
}
