// Public list of published virtual exhibitions: title, holding unit, dates, summary and cover image. No JS.
import { formatDate } from '../../../lib/dates.ts';
import { pick } from '../../../modules/exhibitions/exhibitions.presenters.ts';
import { listPublishedExhibitions } from '../../../modules/exhibitions/exhibitions.queries.server.ts';
import { ResponsiveImage } from '../../catalogue/components/ResponsiveImage.tsx';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/exhibitions.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const list = await listPublishedExhibitions(deps, actor);
    return {
      exhibitions: list.map((e) => ({
        id: e.id,
        slug: e.slug,
        titleVi: e.titleVi,
        titleEn: e.titleEn,
        summaryVi: e.summaryVi,
        summaryEn: e.summaryEn,
        unitName: e.unitName,
        startDate: e.startDate ? formatDate(`${e.startDate}T00:00:00+07:00`) : null,
        endDate: e.endDate ? formatDate(`${e.endDate}T00:00:00+07:00`) : null,
        sectionCount: e.sections.length,
        cover: e.cover,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function ExhibitionsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  return (
    <>
      <title>{`${t('exhibitions.public.title')} — Suốt Đời`}</title>
      <meta name="description" content={t('exhibitions.public.intro')} />
      <h1>{t('exhibitions.public.title')}</h1>
      <p className="lead">{t('exhibitions.public.intro')}</p>
      {loaderData.exhibitions.length === 0 ? <p>{t('exhibitions.public.none')}</p> : null}
      <ul className="exhibition-list">
        {loaderData.exhibitions.map((e) => {
          const title = pick(locale, e.titleVi, e.titleEn);
          const summary = pick(locale, e.summaryVi, e.summaryEn);
          return (
            <li key={e.id} className="exhibition-card">
              {e.cover ? (
                <ResponsiveImage
                  image={e.cover}
                  locale={locale}
                  variant="thumb"
                  sizes="(min-width: 40rem) 20rem, 100vw"
                />
              ) : null}
              <div>
                <h2 lang={title && title.lang !== locale ? title.lang : undefined}>
                  <a href={href(`/exhibitions/${e.slug}`)}>{title?.text}</a>
                </h2>
                <p className="muted">
                  {[
                    e.unitName,
                    e.startDate && e.endDate
                      ? t('exhibitions.public.dates', { start: e.startDate, end: e.endDate })
                      : (e.startDate ?? ''),
                    t('exhibitions.public.sectionCount', { count: e.sectionCount }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {summary ? (
                  <p lang={summary.lang !== locale ? summary.lang : undefined}>{summary.text}</p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
