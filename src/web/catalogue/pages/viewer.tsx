// Deep-zoom viewer for one image of a record (issue 18): /records/:recordId/images/:imageId.
// Without JavaScript it is a plain page: the image at a readable size (largest derivative, srcset), its caption,
// a link to the full-size image and the record's IIIF manifest, and links to the record's other images.
// With JavaScript a small script island (src/web/ui/deep-zoom.js, plus the self-hosted OpenSeadragon build,
// never a CDN) turns the figure into a zoomable view that reads tiles from our own IIIF Image API service
// (/iiif/image/:fileId). Only this page loads those scripts; the record page and every other content page
// keep 0 KB of JavaScript (src/web/client-messages.int.test.ts).
import { data } from 'react-router';
import { getCatalogueRecord } from '../../../modules/catalogue/catalogue.usecases.server.ts';
import { recordMedia } from '../../../modules/catalogue/media/media.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { recordLang } from '../../ui/data-lang.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { DeepZoom } from '../components/DeepZoom.tsx';
import type { Route } from './+types/viewer.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  let record: Awaited<ReturnType<typeof getCatalogueRecord>>;
  try {
    record = await getCatalogueRecord(deps, actor, params.recordId);
  } catch (e) {
    rethrowForPage(e);
  }
  const media = await recordMedia(deps, actor, record);
  const index = media.images.findIndex((i) => i.id === params.imageId);
  const image = media.images[index];
  if (!image) throw data(null, { status: 404 });
  return {
    record: { id: record.id, title: record.title, language: record.language },
    image,
    n: index + 1,
    others: media.images.map((i, k) => ({ id: i.id, n: k + 1 })),
    manifestUrl: media.manifestUrl,
    // The image service serves public images of published records; a staff preview keeps the plain image.
    zoomable: media.manifestUrl !== null,
  };
}

export default function ImageViewer({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { record, image, n, others, manifestUrl, zoomable } = loaderData;
  const recordHref = href(`/records/${record.id}`);
  const titleLang = recordLang(record.language, locale);
  return (
    <article className="record image-viewer">
      <title>{`${t('catalogue.viewer.title', { title: record.title })} — Suốt Đời`}</title>
      <nav aria-label={t('catalogue.viewer.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <a href={recordHref} {...titleLang}>
              {record.title}
            </a>
          </li>
        </ol>
      </nav>
      <h1>
        {t('catalogue.viewer.heading', { n })} <span {...titleLang}>{record.title}</span>
      </h1>
      <DeepZoom image={image} zoomable={zoomable} manifestUrl={manifestUrl} fallbackLabel={record.title} />
      {others.length > 1 ? (
        <nav aria-label={t('catalogue.viewer.images')}>
          <ul className="inline-list">
            {others.map((o) => (
              <li key={o.id}>
                <a
                  href={href(`/records/${record.id}/images/${o.id}`)}
                  aria-current={o.id === image.id ? 'page' : undefined}
                >
                  {t('catalogue.images.number', { n: o.n })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        <a href={recordHref}>{t('catalogue.images.toRecord')}</a>
      </p>
    </article>
  );
}
