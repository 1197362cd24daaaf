// The deep-zoom figure of the image viewer pages (records: catalogue/pages/viewer.tsx; exhibition images:
// exhibitions/pages/exhibition-image.tsx). Without JavaScript: the image at a readable size (largest
// derivative, srcset), its caption, links to the full-size image and, when there is one, the IIIF manifest.
// With JavaScript the script island (ui/deep-zoom.js after the self-hosted OpenSeadragon build, never a CDN)
// makes the figure zoomable from our own IIIF Image API service. Only pages rendering this load the scripts.
import osdUrl from 'openseadragon/build/openseadragon/openseadragon.min.js?url&no-inline';
import { useRouteLoaderData } from 'react-router';
import type { ImageView } from '../../../modules/catalogue/media/media.repository.server.ts';
import { pick } from '../../../modules/exhibitions/exhibitions.presenters.ts';
import { useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { langOf } from '../../ui/data-lang.ts';
import deepZoomUrl from '../../ui/deep-zoom.js?url&no-inline';
import { ResponsiveImage } from './ResponsiveImage.tsx';

export function DeepZoom(props: {
  image: ImageView;
  /** The image service serves public images only: a draft's images keep the plain figure. */
  zoomable: boolean;
  manifestUrl: string | null;
  /** Names the view when the image has no alt text. */
  fallbackLabel: string;
}) {
  const t = useT();
  const locale = useLocale();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const { image, zoomable, manifestUrl } = props;
  const caption = pick(locale, image.captionVi, image.captionEn);
  const alt = pick(locale, image.altVi, image.altEn);
  const service = `/iiif/image/${image.fileId}`;
  return (
    <>
      <figure
        className="deep-zoom"
        data-deep-zoom={zoomable ? `${service}/info.json` : undefined}
        data-label={t('catalogue.viewer.label', { alt: alt?.text ?? props.fallbackLabel })}
        data-zoom-in={t('catalogue.viewer.zoomIn')}
        data-zoom-out={t('catalogue.viewer.zoomOut')}
        data-home={t('catalogue.viewer.home')}
        data-controls={t('catalogue.viewer.controls')}
        data-help-id="deep-zoom-help"
      >
        <ResponsiveImage image={image} locale={locale} variant="large" sizes="100vw" eager />
        {caption ? <figcaption lang={langOf(caption, locale)}>{caption.text}</figcaption> : null}
      </figure>
      {zoomable ? (
        <p id="deep-zoom-help" className="muted">
          {t('catalogue.viewer.help')}
        </p>
      ) : null}
      <ul className="viewer-links">
        <li>
          <a href={zoomable ? `${service}/full/max/0/default.jpg` : `/media/${image.fileId}/original`}>
            {t('catalogue.viewer.fullSize', { width: image.width ?? '?', height: image.height ?? '?' })}
          </a>
        </li>
        {manifestUrl ? (
          <li>
            <a href={manifestUrl} type="application/ld+json">
              {t('catalogue.viewer.manifest')}
            </a>
          </li>
        ) : null}
      </ul>
      {zoomable ? (
        <>
          <script src={osdUrl} nonce={root?.nonce} defer />
          <script src={deepZoomUrl} nonce={root?.nonce} defer />
        </>
      ) : null}
    </>
  );
}
