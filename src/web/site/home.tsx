import { useRouteLoaderData } from 'react-router';
import type { MessageKey } from '../../lib/i18n.ts';
import { useHref, useT } from '../i18n.ts';
import type { loader as rootLoader } from '../root.tsx';
import type { SiteNavLink } from './site-nav.ts';

/**
 * Paths the learning-record card points to, from the learners module's publicNav entries: sign-up for visitors,
 * "my learning" for signed-in citizens.
 */
const RECORD_PATHS = /^\/(join|my|hoc-tap|sign-up|dang-ky)(\/|$)/;

interface Card {
  title: MessageKey;
  body: MessageKey;
  /** The card's main link (its title); absent when nothing to open exists yet. */
  path?: string;
  more: Array<{ path: string; label: MessageKey }>;
}

export default function Home() {
  const t = useT();
  const href = useHref();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const nav: readonly SiteNavLink[] = root?.nav ?? [];
  const has = (path: string) => nav.some((n) => n.path === path);
  const record = nav.filter((n) => RECORD_PATHS.test(n.path));
  const cards: Card[] = [
    {
      title: 'home.card.catalogue.title',
      body: 'home.card.catalogue.body',
      path: '/search',
      more: has('/exhibitions') ? [{ path: '/exhibitions', label: 'exhibitions.home.link' }] : [],
    },
    {
      title: 'home.card.events.title',
      body: 'home.card.events.body',
      path: '/events',
      more: has('/events/calendar') ? [{ path: '/events/calendar', label: 'portal.nav.calendar' }] : [],
    },
    { title: 'home.card.places.title', body: 'home.card.places.body', path: '/places', more: [] },
    {
      title: 'home.card.record.title',
      body: 'home.card.record.body',
      path: record[0]?.path,
      more: record.slice(1).map((n) => ({ path: n.path, label: n.label })),
    },
  ];
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
          {cards.map((c) => (
            <li key={c.title} className={c.path ? 'card card-link' : 'card'}>
              <h3>{c.path ? <a href={href(c.path)}>{t(c.title)}</a> : t(c.title)}</h3>
              <p>{t(c.body)}</p>
              {c.path ? null : <p className="tag">{t('portal.home.comingSoon')}</p>}
              {c.more.length ? (
                <ul className="card-more">
                  {c.more.map((m) => (
                    <li key={m.path}>
                      <a href={href(m.path)}>{t(m.label)}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
