// Public record page: every field, the holdings table, Dublin Core <meta> and schema.org JSON-LD.
// The JSON-LD is an inline data block carrying the request's CSP nonce (from the root loader): it is not
// executed, but with the nonce it stays valid under `script-src 'nonce-…'` in every browser and validator,
// and crawlers see it in the first response without a second request (a <link rel=alternate> would need one).
import { useRouteLoaderData } from 'react-router';
import type { MessageKey } from '../../../lib/i18n.ts';
import { dublinCore, jsonLd } from '../../../modules/catalogue/catalogue.presenters.ts';
import { getCatalogueRecord } from '../../../modules/catalogue/catalogue.usecases.server.ts';
import { recordMedia, withMediaJsonLd } from '../../../modules/catalogue/media/media.usecases.server.ts';
import { safeJsonForScript } from '../../../modules/exhibitions/exhibitions.presenters.ts';
import { Availability } from '../../circulation/components/Availability.tsx';
import { availabilityFor } from '../../circulation/components/availability.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { recordLang, viData } from '../../ui/data-lang.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { RecordExhibitions, RecordImages } from '../components/RecordMedia.tsx';
import type { Route } from './+types/record.ts';

const KNOWN_DETAILS = ['publisher', 'place', 'edition', 'extent', 'series', 'classification'] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const record = await getCatalogueRecord(deps, actor, params.recordId);
    const url = new URL(request.url);
    const canonical = `${deps.config.publicUrl.replace(/\/$/, '')}${url.pathname}`;
    const media = await recordMedia(deps, actor, record);
    return {
      record: {
        ...record,
        createdAt: record.createdAt.toISOString(),
        updatedAt: record.updatedAt.toISOString(),
      },
      dc: dublinCore(record, canonical),
      ld: safeJsonForScript(
        withMediaJsonLd(jsonLd(record, canonical), media, deps.config.publicUrl.replace(/\/$/, '')),
      ),
      media,
      availability: await availabilityFor(deps, actor, record.id),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

function detailText(v: unknown): string {
  if (Array.isArray(v)) return v.join('; ');
  return String(v);
}

export default function CatalogueRecord({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const { record: r, dc, ld, media } = loaderData;
  // The record's data (title, creators, subjects, notes) in its own language: lang on English pages (issue 18).
  const data = recordLang(r.language, locale);
  const language = r.language
    ? (new Intl.DisplayNames([locale], { type: 'language' }).of(r.language) ?? r.language)
    : null;
  // `demo` marks generated demo records for the seed; the description already says so to readers (issue 19).
  const details = Object.entries(r.details).filter(([k, v]) => k !== 'demo' && v !== '' && v !== null);
  const identifiers: Array<[MessageKey, string | null]> = [
    ['catalogue.record.isbn', r.isbn],
    ['catalogue.record.issn', r.issn],
    ['catalogue.record.inventoryNo', r.inventoryNo],
    [
      'catalogue.record.controlNumber',
      r.controlNumber ? `${r.controlNumber}${r.controlSource ? ` (${r.controlSource})` : ''}` : null,
    ],
  ];
  return (
    <article className="record">
      <title>{`${r.title} — Suốt Đời`}</title>
      <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />
      {dc.map((m) => (
        <meta key={`${m.name}=${m.content}`} name={m.name} content={m.content} />
      ))}
      {r.description ? <meta name="description" content={r.description.slice(0, 300)} /> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON from our presenter with every "<" escaped (loader) */}
      <script type="application/ld+json" nonce={root?.nonce} dangerouslySetInnerHTML={{ __html: ld }} />
      <p className="muted">{t(`catalogue.type.${r.type}` as MessageKey)}</p>
      <h1 {...data}>{r.title}</h1>
      {!r.published ? (
        <p className="notice" role="status">
          {t('catalogue.record.unpublished')}
        </p>
      ) : null}
      <RecordImages media={media} recordId={r.id} />
      <dl className="record-fields">
        {r.creators.length ? (
          <div>
            <dt>{t('catalogue.record.creators')}</dt>
            <dd {...data}>{r.creators.join('; ')}</dd>
          </div>
        ) : null}
        {r.dateText || r.year !== null ? (
          <div>
            <dt>{t('catalogue.record.date')}</dt>
            <dd>{r.dateText ?? r.year}</dd>
          </div>
        ) : null}
        {language ? (
          <div>
            <dt>{t('catalogue.record.language')}</dt>
            <dd>{language}</dd>
          </div>
        ) : null}
        {r.subjects.length ? (
          <div>
            <dt>{t('catalogue.record.subjects')}</dt>
            <dd>
              <ul className="inline-list" {...data}>
                {r.subjects.map((s) => (
                  <li key={s}>
                    <a href={`${href('/search')}?q=${encodeURIComponent(s)}`}>{s}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('catalogue.record.institution')}</dt>
          <dd {...viData(locale)}>{r.unitName}</dd>
        </div>
        {identifiers
          .filter(([, v]) => v)
          .map(([key, v]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        {r.rights ? (
          <div>
            <dt>{t('catalogue.record.rights')}</dt>
            <dd {...data}>{r.rights}</dd>
          </div>
        ) : null}
      </dl>
      {r.description ? (
        <section aria-labelledby="record-description">
          <h2 id="record-description">{t('catalogue.record.description')}</h2>
          <div {...data}>
            {r.description.split(/\n{2,}/).map((p) => (
              <p key={p.slice(0, 40)}>{p}</p>
            ))}
          </div>
        </section>
      ) : null}
      {details.length ? (
        <section aria-labelledby="record-details">
          <h2 id="record-details">{t('catalogue.record.details')}</h2>
          <dl className="record-fields">
            {details.map(([k, v]) => (
              <div key={k}>
                <dt>
                  {(KNOWN_DETAILS as readonly string[]).includes(k)
                    ? t(`catalogue.detail.${k}` as MessageKey)
                    : k}
                </dt>
                <dd {...data}>{detailText(v)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="record-holdings">
        <h2 id="record-holdings">{t('catalogue.record.holdings')}</h2>
        {r.holdings.length ? (
          <ScrollRegion>
            <table>
              <caption>{t('catalogue.record.holdingsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.record.col.institution')}</th>
                  <th scope="col">{t('catalogue.record.col.callNumber')}</th>
                  <th scope="col">{t('catalogue.record.col.location')}</th>
                  <th scope="col">{t('catalogue.record.col.availability')}</th>
                </tr>
              </thead>
              <tbody>
                {r.holdings.map((h) => (
                  <tr key={h.id}>
                    <td {...viData(locale)}>{h.unitName}</td>
                    <td>{h.callNumber ?? '—'}</td>
                    <td {...(h.location ? viData(locale) : {})}>{h.location ?? '—'}</td>
                    <td>{t(`catalogue.availability.${h.availability}` as MessageKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : (
          <p>{t('catalogue.record.noHoldings')}</p>
        )}
      </section>
      <Availability recordId={r.id} data={loaderData.availability} />
      <RecordExhibitions media={media} />
      <p>
        <a href={href('/search')}>{t('catalogue.record.backToSearch')}</a>
      </p>
    </article>
  );
}
