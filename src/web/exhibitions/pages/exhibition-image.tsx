// Deep-zoom viewer for an exhibition's own image (issue 18): /exhibitions/:slugOrId/images/:itemId. Objects from
// the catalogue open the record's viewer (/records/:id/images/:imageId); this page serves the images a curator
// uploaded to a section. Same figure as the record viewer (catalogue/components/DeepZoom.tsx): readable without
// JavaScript, zoomable from our own IIIF image service with it; only this page loads the scripts.
import { data } from 'react-router';
import { pick } from '../../../modules/exhibitions/exhibitions.presenters.ts';
import { getPublicExhibition } from '../../../modules/exhibitions/exhibitions.queries.server.ts';
import { DeepZoom } from '../../catalogue/components/DeepZoom.tsx';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { langOf } from '../../ui/data-lang.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/exhibition-image.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  let ex: Awaited<ReturnType<typeof getPublicExhibition>>;
  try {
    ex = await getPublicExhibition(deps, actor, params.slugOrId);
  } catch (e) {
    rethrowForPage(e);
  }
  for (const [i, s] of ex.sections.entries())
    for (const item of s.items)
      if (item.kind === 'image' && item.id === params.itemId)
        return {
          ex: { slug: ex.slug, titleVi: ex.titleVi, titleEn: ex.titleEn },
          section: { n: i + 1, headingVi: s.headingVi, headingEn: s.headingEn },
          image: { ...item.image, captionVi: item.captionVi, captionEn: item.captionEn },
          // The image service serves public files: a draft's images keep the plain figure.
          zoomable: ex.status === 'published',
        };
  throw data(null, { status: 404 });
}

export default function ExhibitionImage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { ex, section, image, zoomable } = loaderData;
  const title = pick(locale, ex.titleVi, ex.titleEn);
  const heading = pick(locale, section.headingVi, section.headingEn);
  const sectionHref = href(`/exhibitions/${ex.slug}/${section.n}`);
  return (
    <article className="exhibition image-viewer">
      <title>{`${t('catalogue.viewer.title', { title: heading?.text ?? '' })} — Suốt Đời`}</title>
      <nav aria-label={t('exhibitions.public.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <a href={href('/exhibitions')}>{t('exhibitions.public.title')}</a>
          </li>
          <li>
            <a href={href(`/exhibitions/${ex.slug}`)} lang={langOf(title, locale)}>
              {title?.text}
            </a>
          </li>
          <li>
            <a href={sectionHref} lang={langOf(heading, locale)}>
              {heading?.text}
            </a>
          </li>
        </ol>
      </nav>
      <h1 lang={langOf(heading, locale)}>{heading?.text}</h1>
      <DeepZoom image={image} zoomable={zoomable} manifestUrl={null} fallbackLabel={heading?.text ?? ''} />
      <p>
        <a href={sectionHref}>{t('catalogue.viewer.backToSection')}</a>
      </p>
    </article>
  );
}
