// Public catalogue search: a plain GET form, facets as a checkbox form, results as a list. No JavaScript.

import { searchSources } from '../../../app/registries.server.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { type SearchQuery, SearchQuerySchema } from '../../../modules/catalogue/catalogue.schemas.server.ts';
import { queryWords } from '../../../modules/catalogue/catalogue.text.ts';
import { searchCatalogue } from '../../../modules/catalogue/catalogue.usecases.server.ts';
import { RECORD_TYPES } from '../../../modules/catalogue/catalogue.vocab.ts';
import { catalogueRecordsPort } from '../../../modules/catalogue/index.server.ts';
import type { FacetName, SearchResult } from '../../../modules/catalogue/search/search.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { recordLang, viData } from '../../ui/data-lang.ts';
import { SelectField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { AvailableNow } from '../components/AvailableNow.tsx';
import { type ContributedGroup, ContributedHits } from '../components/ContributedHits.tsx';
import { type ImageProps, ResponsiveImage } from '../components/ResponsiveImage.tsx';
import { highlight } from '../highlight.ts';
import type { Route } from './+types/search.ts';

const FACETS: readonly FacetName[] = ['type', 'institution', 'availability', 'language', 'decade'];
const MULTI = ['type', 'institution', 'language', 'decade', 'availability'] as const;
const isRecordType = (v: string) => (RECORD_TYPES as readonly string[]).includes(v);
/** Other modules' records (learning paths …) found by this many per type beside the catalogue's, or alone. */
const CONTRIBUTED_BESIDE = 5;
const CONTRIBUTED_ALONE = 50;
/** The search's last page (SearchQuerySchema: page ≤ 50). */
const MAX_PAGE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string | string[]> = {};
  const q = url.searchParams.get('q')?.trim();
  if (q) raw.q = q.slice(0, 200);
  // The type facet also offers other modules' record types (`searchSources`); the catalogue gets its own.
  const sourceTypes = new Set(searchSources.map((s) => s.type));
  const chosenSources = [...new Set(url.searchParams.getAll('type'))].filter((v) => sourceTypes.has(v));
  for (const k of MULTI) {
    const values = url.searchParams
      .getAll(k)
      .filter((v) => v && !(k === 'type' && sourceTypes.has(v)))
      .slice(0, 20);
    if (values.length) raw[k] = values;
  }
  for (const k of ['sort', 'page'] as const) {
    const v = url.searchParams.get(k);
    if (v) raw[k] = v;
  }
  const parsed = SearchQuerySchema.safeParse(raw);
  const catalogueQuery: SearchQuery = parsed.success
    ? parsed.data
    : SearchQuerySchema.parse(q ? { q: q.slice(0, 200) } : {});
  const kept = parsed.success ? chosenSources : [];
  const query: ShownQuery = kept.length
    ? { ...catalogueQuery, type: [...asList(catalogueQuery.type), ...kept] }
    : catalogueQuery;
  const active = MULTI.some((k) => query[k] !== undefined);
  const empty = { query, active, invalid: !parsed.success, thumbs: {}, contributed: [], typeLabels: {} };
  if (!query.q && !active) return { ...empty, result: null };
  // Only other modules' types chosen: the catalogue's records are filtered out, theirs are the results.
  const alone = kept.length > 0 && catalogueQuery.type === undefined;
  // Other modules' records have no institution, language, decade or availability to filter by.
  const otherFilters = MULTI.some((k) => k !== 'type' && query[k] !== undefined);
  try {
    const result = alone
      ? { ...emptyResult(), page: 1, pageSize: 0 }
      : await searchCatalogue(deps, actor, catalogueQuery);
    // A thumbnail for each hit that has an image (issue 19): one batched query for the page.
    const images = await catalogueRecordsPort.firstImages(
      deps,
      deps.db,
      result.hits.map((h) => h.id),
    );
    const thumbs: Record<string, ImageProps> = Object.fromEntries(
      images.map((i) => [
        i.recordId,
        {
          fileId: i.fileId,
          altVi: i.altVi,
          altEn: i.altEn,
          width: i.width,
          height: i.height,
          variants: i.variants,
        },
      ]),
    );
    // Other modules' public records (learning paths …) of a text search, counted in the type facet on every
    // page; filtered out when the type facet names only catalogue types. Each page shows the next slice of each
    // source in its own order beside the catalogue's page, and the pages run until the longer of them ends.
    const contributed: ContributedGroup[] = [];
    const typeLabels: Record<string, MessageKey> = {};
    const typeFacet = [...result.facets.type];
    const wanted = (type: string) => (kept.length ? kept.includes(type) : catalogueQuery.type === undefined);
    const perPage = alone ? CONTRIBUTED_ALONE : CONTRIBUTED_BESIDE;
    let lastPage = result.lastPage;
    if (query.q && !otherFilters)
      for (const source of searchSources.filter((s) => wanted(s.type))) {
        const offset = (query.page - 1) * perPage;
        const found = await source.search(deps, query.q, { offset, limit: perPage });
        typeLabels[source.type] = source.label;
        if (found.total > 0) {
          if (found.hits.length)
            contributed.push({ type: source.type, label: source.label, offset, ...found });
          typeFacet.push({ value: source.type, count: found.total });
          lastPage = Math.max(lastPage, Math.min(MAX_PAGE, Math.ceil(found.total / perPage)));
        }
      }
    const shown = { ...result, lastPage, facets: { ...result.facets, type: typeFacet } };
    return { ...empty, result: shown, thumbs, contributed, typeLabels };
  } catch (e) {
    rethrowForPage(e);
  }
}

const asList = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** The query as the page shows it: the type facet may also name other modules' types. */
type ShownQuery = Omit<SearchQuery, 'type'> & { type?: string | string[] | undefined };

function emptyResult(): SearchResult {
  const facets = { type: [], institution: [], availability: [], language: [], decade: [] };
  return { total: 0, totalEstimated: false, lastPage: 0, hits: [], facets, correctedQuery: null };
}

function searchHref(
  base: string,
  query: ShownQuery,
  change: Record<string, string | string[] | undefined>,
): string {
  const p = new URLSearchParams();
  const merged: Record<string, unknown> = { ...query, page: undefined, ...change };
  for (const [k, v] of Object.entries(merged)) {
    if (k === 'sort' && v === 'relevance') continue;
    if (k === 'page' && (v === 1 || v === '1')) continue;
    for (const item of asList(v)) if (item !== '') p.append(k, item);
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

export default function CatalogueSearch({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const base = href('/search');
  const { query, result, active, thumbs, contributed, typeLabels } = loaderData;
  const labelOfType = (value: string): string => {
    const contributedLabel = (typeLabels as Record<string, MessageKey>)[value];
    return t(contributedLabel ?? (`catalogue.type.${value}` as MessageKey));
  };
  const foundElsewhere = contributed.reduce((n, g) => n + g.total, 0);
  const asked = queryWords(result?.correctedQuery ?? query.q ?? '').folded;
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB');
  const facetLabel = (facet: FacetName, value: string, label: string | undefined): string => {
    if (facet === 'type') return labelOfType(value);
    if (facet === 'availability') return t(`catalogue.availability.${value}` as MessageKey);
    if (facet === 'decade') return t('catalogue.decade', { decade: value });
    if (facet === 'language') return new Intl.DisplayNames([locale], { type: 'language' }).of(value) ?? value;
    return label ?? value;
  };
  // "Held by: {unit}" around the unit's name, which is Vietnamese data (lang="vi" on English pages).
  const heldBy = t('catalogue.search.heldBy', { unit: '\u0000' }).split('\u0000');
  const title = query.q ? t('catalogue.search.titleWithQuery', { q: query.q }) : t('catalogue.search.title');
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <meta name="description" content={t('catalogue.search.metaDescription')} />
      <h1>{t('catalogue.search.title')}</h1>
      <search>
        <form method="get" action={base} className="search-form">
          <div className="field">
            <label htmlFor="catalogue-q">{t('catalogue.search.label')}</label>
            <input
              id="catalogue-q"
              type="search"
              name="q"
              defaultValue={query.q ?? ''}
              maxLength={200}
              aria-describedby="catalogue-q-hint"
            />
            <p id="catalogue-q-hint" className="muted">
              {t('catalogue.search.hint')}
            </p>
          </div>
          <SelectField
            id="catalogue-sort"
            label={t('catalogue.search.sort')}
            name="sort"
            defaultValue={query.sort}
          >
            <option value="relevance">{t('catalogue.sort.relevance')}</option>
            <option value="newest">{t('catalogue.sort.newest')}</option>
            <option value="title">{t('catalogue.sort.title')}</option>
          </SelectField>
          {MULTI.flatMap((k) =>
            asList(query[k]).map((v) => <input key={`${k}-${v}`} type="hidden" name={k} value={v} />),
          )}
          <button type="submit">{t('catalogue.search.submit')}</button>
        </form>
      </search>
      {!result ? <p className="lead">{t('catalogue.search.empty')}</p> : null}
      {result ? (
        <div className="search-layout">
          <section aria-labelledby="search-facets" className="search-facets">
            {/* Before the results, folded behind "Lọc" on a phone (no JavaScript), beside them on a wide screen. */}
            <details className="filter-toggle" open={active || undefined}>
              <summary>{t('catalogue.search.filterToggle')}</summary>
              <h2 id="search-facets">{t('catalogue.search.filters')}</h2>
              <form method="get" action={base}>
                {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
                {query.sort !== 'relevance' ? <input type="hidden" name="sort" value={query.sort} /> : null}
                <AvailableNow
                  count={result.facets.availability.find((v) => v.value === 'available')?.count}
                  chosen={asList(query.availability).includes('available')}
                  estimated={result.totalEstimated}
                  format={(n) => number.format(n)}
                />
                {FACETS.map((facet) => {
                  // "Available" is offered first, on its own, as "available now" (issue 15).
                  const values = result.facets[facet].filter(
                    (v) => !(facet === 'availability' && v.value === 'available'),
                  );
                  const chosen = new Set(asList(query[facet]));
                  if (facet === 'availability') chosen.delete('available');
                  if (values.length === 0 && chosen.size === 0) return null;
                  return (
                    <fieldset key={facet} className="facet">
                      <legend>{t(`catalogue.facet.${facet}` as MessageKey)}</legend>
                      <ul>
                        {values.map((v) => (
                          <li key={v.value}>
                            <label>
                              <input
                                type="checkbox"
                                name={facet}
                                value={v.value}
                                defaultChecked={chosen.has(v.value)}
                              />{' '}
                              {facet === 'institution' ? (
                                <span {...viData(locale)}>{facetLabel(facet, v.value, v.label)}</span>
                              ) : (
                                facetLabel(facet, v.value, v.label)
                              )}{' '}
                              <span className="muted">
                                (
                                {result.totalEstimated
                                  ? t('catalogue.search.facetEstimated', { count: number.format(v.count) })
                                  : number.format(v.count)}
                                )
                              </span>
                            </label>
                          </li>
                        ))}
                      </ul>
                    </fieldset>
                  );
                })}
                <button type="submit">{t('catalogue.search.applyFilters')}</button>
                {active ? (
                  <p>
                    <a href={searchHref(base, query, Object.fromEntries(MULTI.map((k) => [k, undefined])))}>
                      {t('catalogue.search.clearFilters')}
                    </a>
                  </p>
                ) : null}
              </form>
            </details>
          </section>
          <section aria-labelledby="search-results" className="search-results">
            <h2 id="search-results">{t('catalogue.search.resultsHeading')}</h2>
            {result.correctedQuery ? (
              <p className="notice">
                {t('catalogue.search.corrected', { q: query.q ?? '', corrected: result.correctedQuery })}
              </p>
            ) : null}
            {result.total > 0 || foundElsewhere > 0 ? (
              <p className="result-count">
                {result.totalEstimated
                  ? t('catalogue.search.resultsEstimated', { count: number.format(result.total) })
                  : t('catalogue.search.results', { count: number.format(result.total || foundElsewhere) })}
              </p>
            ) : (
              <div className="notice">
                <p>{t('catalogue.search.noResults', { q: query.q ?? '' })}</p>
                <p>{t('catalogue.search.tips')}</p>
                {active ? (
                  <p>
                    <a href={searchHref(base, query, Object.fromEntries(MULTI.map((k) => [k, undefined])))}>
                      {t('catalogue.search.withoutFilters')}
                    </a>
                  </p>
                ) : null}
              </div>
            )}
            <ol className="results">
              {result.hits.map((h) => (
                <li key={h.id} className={thumbs[h.id] ? 'result result-with-thumb' : 'result'}>
                  {thumbs[h.id] ? (
                    <ResponsiveImage
                      image={thumbs[h.id] as ImageProps}
                      locale={locale}
                      variant="thumb"
                      sizes="5rem"
                    />
                  ) : null}
                  <h3>
                    <a href={href(`/records/${h.id}`)} {...recordLang(h.language, locale)}>
                      {highlight(h.title, asked).map((piece, i) =>
                        piece.mark ? (
                          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed title
                          <mark key={i}>{piece.text}</mark>
                        ) : (
                          piece.text
                        ),
                      )}
                    </a>
                  </h3>
                  <p className="muted">
                    {t(`catalogue.type.${h.type}` as MessageKey)}
                    {h.creators.length ? (
                      <>
                        {' · '}
                        <span {...recordLang(h.language, locale)}>{h.creators.slice(0, 3).join('; ')}</span>
                      </>
                    ) : null}
                    {h.year !== null && h.year !== undefined ? ` · ${h.year}` : ''}
                  </p>
                  <p>
                    {heldBy[0]}
                    <span {...viData(locale)}>{h.unitName}</span>
                    {heldBy[1]}
                    {h.availability.length
                      ? ` — ${h.availability.map((a) => t(`catalogue.availability.${a}` as MessageKey)).join(', ')}`
                      : ''}
                  </p>
                </li>
              ))}
            </ol>
            {result.lastPage > 1 ? (
              <nav aria-label={t('catalogue.search.pagination')} className="pagination">
                {query.page > 1 ? (
                  <a rel="prev" href={searchHref(base, query, { page: String(query.page - 1) })}>
                    {t('catalogue.search.prev')}
                  </a>
                ) : null}
                <span>{t('catalogue.search.pageOf', { page: query.page, last: result.lastPage })}</span>
                {query.page < result.lastPage ? (
                  <a rel="next" href={searchHref(base, query, { page: String(query.page + 1) })}>
                    {t('catalogue.search.next')}
                  </a>
                ) : null}
              </nav>
            ) : null}
            {result.total > 0 ? (
              <p className="export-links">
                {t('catalogue.search.export')}{' '}
                <a
                  href={searchHref('/api/v1/catalogue/export', query, {
                    type: asList(query.type).filter(isRecordType),
                    format: 'marcxml',
                    sort: 'relevance',
                  })}
                >
                  {t('catalogue.search.exportMarcxml')}
                </a>
                {' · '}
                <a
                  href={searchHref('/api/v1/catalogue/export', query, {
                    type: asList(query.type).filter(isRecordType),
                    format: 'iso2709',
                    sort: 'relevance',
                  })}
                >
                  {t('catalogue.search.exportIso')}
                </a>
              </p>
            ) : null}
            <ContributedHits groups={contributed} />
          </section>
        </div>
      ) : null}
    </>
  );
}
