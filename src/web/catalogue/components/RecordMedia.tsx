// The images of a record on its public page (figures with srcset and alt text), links to our deep-zoom viewer
// (pages/viewer.tsx, which reads the IIIF Image API service) and to the IIIF manifest for other viewers, the exhibitions it appears in, and for staff of its unit the link to manage images.
import type { RecordMediaView } from '../../../modules/catalogue/media/media.usecases.server.ts';
import { pick } from '../../../modules/exhibitions/exhibitions.presenters.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { langOf } from '../../ui/data-lang.ts';
import { ResponsiveImage } from './ResponsiveImage.tsx';

export function RecordImages({ media, recordId }: { media: RecordMediaView; recordId: string }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  if (!media.images.length && !media.canEditImages) return null;
  return (
    <section aria-labelledby="record-images">
      <h2 id="record-images">{t('catalogue.images.publicHeading')}</h2>
      {media.images.length ? (
        <div className="record-images">
          {media.images.map((img, i) => {
            const caption = pick(locale, img.captionVi, img.captionEn);
            return (
              <figure key={img.id}>
                <ResponsiveImage image={img} locale={locale} eager={i === 0} />
                {caption ? <figcaption lang={langOf(caption, locale)}>{caption.text}</figcaption> : null}
                {media.images.length > 1 ? (
                  <p>
                    <a href={href(`/records/${recordId}/images/${img.id}`)}>
                      {t('catalogue.viewer.openImage', { n: i + 1 })}
                    </a>
                  </p>
                ) : null}
              </figure>
            );
          })}
        </div>
      ) : (
        <p>{t('catalogue.images.none')}</p>
      )}
      {media.images[0] ? (
        <ul className="viewer-links">
          <li>
            <a href={href(`/records/${recordId}/images/${media.images[0].id}`)}>
              {t('catalogue.viewer.open')}
            </a>
          </li>
          {media.manifestUrl ? (
            <li>
              <a href={media.manifestUrl} type="application/ld+json">
                {t('catalogue.viewer.manifest')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {media.canEditImages ? (
        <p>
          <a href={href(`/admin/catalogue/records/${recordId}/images`)}>{t('catalogue.images.manage')}</a>
        </p>
      ) : null}
    </section>
  );
}

export function RecordExhibitions({ media }: { media: RecordMediaView }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  if (!media.exhibitions.length) return null;
  return (
    <section aria-labelledby="record-exhibitions">
      <h2 id="record-exhibitions">{t('catalogue.images.inExhibitions')}</h2>
      <ul>
        {media.exhibitions.map((e) => {
          const title = pick(locale, e.titleVi, e.titleEn);
          return (
            <li key={e.id}>
              <a href={href(`/exhibitions/${e.slug}`)} lang={langOf(title, locale)}>
                {title?.text}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
