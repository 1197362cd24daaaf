// A virtual exhibition as accessible pages without JavaScript: an overview (title, summary, contents) at
// /exhibitions/:slug and one page per section at /exhibitions/:slug/:n, each with previous/next links.
// Headings: h1 the exhibition, h2 the section, h3 each object. Every image carries its alt text.
// schema.org ExhibitionEvent JSON-LD is an inline data block with the CSP nonce, every "<" escaped.
import { data, useRouteLoaderData } from 'react-router';
import { formatDate } from '../../../lib/dates.ts';
import type { Locale, MessageKey } from '../../../lib/i18n.ts';
import {
  exhibitionJsonLd,
  exhibitionSectionJsonLd,
  pick,
  safeJsonForScript,
} from '../../../modules/exhibitions/exhibitions.presenters.ts';
import {
  type ExhibitionItemView,
  getPublicExhibition,
} from '../../../modules/exhibitions/exhibitions.queries.server.ts';
import { ResponsiveImage } from '../../catalogue/components/ResponsiveImage.tsx';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { langOf, recordLang } from '../../ui/data-lang.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/exhibition.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  let ex: Awaited<ReturnType<typeof getPublicExhibition>>;
  try {
    ex = await getPublicExhibition(deps, actor, params.slugOrId);
  } catch (e) {
    rethrowForPage(e);
  }
  // Section numbers are written plainly (1, 2, …): "01", "1.0" or "1e0" are not addresses of a section.
  const raw = params.section;
  if (raw !== undefined && !/^[1-9]\d{0,3}$/.test(raw)) throw data(null, { status: 404 });
  const n = raw === undefined ? 0 : Number(raw);
  if (n > ex.sections.length) throw data(null, { status: 404 });
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const canonical = `${base}/exhibitions/${ex.slug}`;
  const ld =
    n === 0 ? exhibitionJsonLd(ex, canonical, base) : exhibitionSectionJsonLd(ex, n, canonical, base);
  return {
    ex: {
      id: ex.id,
      slug: ex.slug,
      status: ex.status,
      titleVi: ex.titleVi,
      titleEn: ex.titleEn,
      summaryVi: ex.summaryVi,
      summaryEn: ex.summaryEn,
      unitName: ex.unitName,
      startDate: ex.startDate ? formatDate(`${ex.startDate}T00:00:00+07:00`) : null,
      endDate: ex.endDate ? formatDate(`${ex.endDate}T00:00:00+07:00`) : null,
      cover: ex.cover,
    },
    sections: ex.sections.map((s) => ({
      headingVi: s.headingVi,
      headingEn: s.headingEn,
      bodyVi: s.bodyVi,
      bodyEn: s.bodyEn,
      items: s.items,
    })),
    current: n,
    canonical: n === 0 ? canonical : `${canonical}/${n}`,
    ld: ld ? safeJsonForScript(ld) : null,
  };
}

function Paragraphs({ text, locale }: { text: { text: string; lang: 'vi' | 'en' } | null; locale: Locale }) {
  if (!text) return null;
  return (
    <div lang={langOf(text, locale)} className="exhibit-text">
      {text.text.split(/\n{2,}/).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text never reorder
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

function Item({ item, locale, base }: { item: ExhibitionItemView; locale: Locale; base: string }) {
  const t = useT();
  const href = useHref();
  const caption = pick(locale, item.captionVi, item.captionEn);
  if (item.kind === 'image')
    return (
      <figure className="exhibit-figure">
        <ResponsiveImage image={item.image} locale={locale} />
        {caption ? <figcaption lang={langOf(caption, locale)}>{caption.text}</figcaption> : null}
        <p>
          <a href={`${base}/images/${item.id}`}>{t('catalogue.viewer.open')}</a>
        </p>
      </figure>
    );
  const r = item.record;
  return (
    <article className="exhibit-object">
      <h3>
        <a href={href(`/records/${r.id}`)} {...recordLang(r.language, locale)}>
          {r.title}
        </a>
      </h3>
      <p className="muted">{t(`catalogue.type.${r.type}` as MessageKey)}</p>
      {r.image || caption ? (
        <figure className="exhibit-figure">
          {r.image ? <ResponsiveImage image={r.image} locale={locale} /> : null}
          {caption ? <figcaption lang={langOf(caption, locale)}>{caption.text}</figcaption> : null}
          {r.image ? (
            <p>
              <a href={href(`/records/${r.id}/images/${r.image.id}`)}>{t('catalogue.viewer.open')}</a>
            </p>
          ) : null}
        </figure>
      ) : null}
    </article>
  );
}

export default function ExhibitionPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const { ex, sections, current, ld } = loaderData;
  const title = pick(locale, ex.titleVi, ex.titleEn);
  const summary = pick(locale, ex.summaryVi, ex.summaryEn);
  const base = href(`/exhibitions/${ex.slug}`);
  const sectionHref = (n: number) => (n === 0 ? base : `${base}/${n}`);
  const heading = (n: number) => {
    const s = sections[n - 1];
    return s ? pick(locale, s.headingVi, s.headingEn) : null;
  };
  const section = current > 0 ? sections[current - 1] : undefined;
  const sectionHeading = heading(current);
  const pageTitle =
    section && sectionHeading ? `${sectionHeading.text} — ${title?.text}` : (title?.text ?? '');
  const prev = current > 0 ? current - 1 : null;
  const next = current < sections.length ? current + 1 : null;
  return (
    <article className="exhibition">
      <title>{`${pageTitle} — Suốt Đời`}</title>
      <link rel="canonical" href={loaderData.canonical} />
      {summary ? <meta name="description" content={summary.text.slice(0, 300)} /> : null}
      {ld ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON from our presenter with every "<" escaped (loader)
        <script type="application/ld+json" nonce={root?.nonce} dangerouslySetInnerHTML={{ __html: ld }} />
      ) : null}
      <nav aria-label={t('exhibitions.public.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <a href={href('/exhibitions')}>{t('exhibitions.public.title')}</a>
          </li>
          {current > 0 ? (
            <li>
              <a href={base} lang={langOf(title, locale)}>
                {title?.text}
              </a>
            </li>
          ) : null}
        </ol>
      </nav>
      {ex.status !== 'published' ? (
        <p className="notice" role="status">
          {t('exhibitions.public.draftPreview')}
        </p>
      ) : null}
      <h1 lang={langOf(title, locale)}>{title?.text}</h1>
      <p className="muted">
        {[
          ex.unitName,
          ex.startDate && ex.endDate
            ? t('exhibitions.public.dates', { start: ex.startDate, end: ex.endDate })
            : (ex.startDate ?? ''),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {current === 0 ? (
        <>
          {ex.cover ? (
            <figure className="exhibit-figure">
              <ResponsiveImage image={ex.cover} locale={locale} eager />
            </figure>
          ) : null}
          <Paragraphs text={summary} locale={locale} />
          <section aria-labelledby="exhibition-contents">
            <h2 id="exhibition-contents">{t('exhibitions.public.contents')}</h2>
            <ol className="exhibit-contents">
              {sections.map((s, i) => {
                const h = pick(locale, s.headingVi, s.headingEn);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sections are addressed by their number
                  <li key={i}>
                    <a href={sectionHref(i + 1)} lang={langOf(h, locale)}>
                      {h?.text}
                    </a>
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      ) : null}
      {section ? (
        <section aria-labelledby="exhibition-section">
          <p className="muted">{t('exhibitions.public.sectionOf', { n: current, total: sections.length })}</p>
          <h2 id="exhibition-section" lang={langOf(sectionHeading, locale)}>
            {sectionHeading?.text}
          </h2>
          <Paragraphs text={pick(locale, section.bodyVi, section.bodyEn)} locale={locale} />
          {section.items.length ? (
            <div className="exhibit-items">
              {section.items.map((item) => (
                <Item key={item.id} item={item} locale={locale} base={base} />
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
      <nav aria-label={t('exhibitions.public.sectionNav')} className="pagination exhibit-nav">
        {prev !== null ? (
          <a rel="prev" href={sectionHref(prev)}>
            {prev === 0
              ? t('exhibitions.public.backToStart')
              : t('exhibitions.public.prev', { heading: heading(prev)?.text ?? '' })}
          </a>
        ) : null}
        {next !== null ? (
          <a rel="next" href={sectionHref(next)}>
            {current === 0
              ? t('exhibitions.public.start', { heading: heading(next)?.text ?? '' })
              : t('exhibitions.public.next', { heading: heading(next)?.text ?? '' })}
          </a>
        ) : (
          <a href={href('/exhibitions')}>{t('exhibitions.public.allExhibitions')}</a>
        )}
      </nav>
    </article>
  );
}
