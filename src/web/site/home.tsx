import { type Locale, t as translate } from '../../lib/i18n.ts';
import { useHref, useT } from '../i18n.ts';
import type { Route } from './+types/home.ts';

export function meta({ matches }: Route.MetaArgs) {
  const root = matches[0]?.loaderData as { locale?: Locale } | undefined;
  const locale = root?.locale ?? 'vi';
  return [
    { title: translate(locale, 'home.meta.title') },
    { name: 'description', content: translate(locale, 'home.meta.description') },
  ];
}

export default function Home() {
  const t = useT();
  const href = useHref();
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <form method="get" action={href('/search')} className="home-search">
          <label htmlFor="home-q">{t('home.search.label')}</label>
          <div className="home-search-row">
            <input id="home-q" name="q" type="search" maxLength={200} aria-describedby="home-q-hint" />
            <button type="submit">{t('home.search.submit')}</button>
          </div>
          <p id="home-q-hint" className="muted">
            {t('home.search.hint')}
          </p>
        </form>
      </section>
      <section aria-labelledby="home-services">
        <h2 id="home-services">{t('home.servicesTitle')}</h2>
        <ul className="card-grid">
          <li className="card">
            <h3>{t('home.card.catalogue.title')}</h3>
            <p>{t('home.card.catalogue.body')}</p>
            <p>
              <a href={href('/exhibitions')}>{t('exhibitions.home.link')}</a>
            </p>
          </li>
          <li className="card">
            <h3>{t('home.card.events.title')}</h3>
            <p>{t('home.card.events.body')}</p>
          </li>
          <li className="card">
            <h3>{t('home.card.places.title')}</h3>
            <p>{t('home.card.places.body')}</p>
          </li>
          <li className="card">
            <h3>{t('home.card.record.title')}</h3>
            <p>{t('home.card.record.body')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}
