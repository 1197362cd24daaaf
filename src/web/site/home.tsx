import { useHref, useT } from '../i18n.ts';

export default function Home() {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{t('home.meta.title')}</title>
      <meta name="description" content={t('home.meta.description')} />
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
