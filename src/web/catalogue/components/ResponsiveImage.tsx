// An image from the files module with a srcset of its derivatives (thumb 320, medium 960, large 1920 px wide
// at most), intrinsic width/height against layout shift, lazy loading, and its alt text in the reader's
// language (Vietnamese when no English one was written, marked with lang so screen readers pronounce it).
import type { Locale } from '../../../lib/i18n.ts';
import type { ImageView } from '../../../modules/catalogue/media/media.repository.server.ts';
import { pick } from '../../../modules/exhibitions/exhibitions.presenters.ts';

export type ImageProps = Pick<ImageView, 'fileId' | 'altVi' | 'altEn' | 'width' | 'height' | 'variants'>;

export function srcSetOf(img: ImageProps): string {
  return (['thumb', 'medium', 'large'] as const)
    .flatMap((v) => {
      const info = img.variants[v];
      return info ? [`/media/${img.fileId}/${v} ${info.width}w`] : [];
    })
    .join(', ');
}

export function ResponsiveImage(props: {
  image: ImageProps;
  locale: Locale;
  sizes?: string;
  variant?: 'thumb' | 'medium' | 'large';
  eager?: boolean;
}) {
  const { image, locale } = props;
  const variant = props.variant ?? 'medium';
  const info = image.variants[variant] ?? image.variants.medium ?? image.variants.thumb;
  const alt = pick(locale, image.altVi, image.altEn);
  const srcSet = srcSetOf(image);
  return (
    <img
      src={`/media/${image.fileId}/${info ? variant : 'original'}`}
      srcSet={srcSet || undefined}
      sizes={srcSet ? (props.sizes ?? '(min-width: 50rem) 45rem, 100vw') : undefined}
      width={info?.width ?? image.width ?? undefined}
      height={info?.height ?? image.height ?? undefined}
      alt={alt?.text ?? ''}
      lang={alt && alt.lang !== locale ? alt.lang : undefined}
      loading={props.eager ? undefined : 'lazy'}
      decoding="async"
    />
  );
}
