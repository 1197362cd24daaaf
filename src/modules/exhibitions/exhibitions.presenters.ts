// Outward shapes of an exhibition: the localised text pick and schema.org ExhibitionEvent JSON-LD.
import type { Locale } from '../../lib/i18n.ts';
import type { ImageView } from '../catalogue/media/media.repository.server.ts';
import type { ExhibitionView } from './exhibitions.queries.server.ts';

/** The text in the reader's language, falling back to Vietnamese (marked so screen readers switch voice). */
export function pick(
  locale: Locale,
  vi: string | null,
  en: string | null,
): { text: string; lang: 'vi' | 'en' } | null {
  if (locale === 'en' && en) return { text: en, lang: 'en' };
  if (vi) return { text: vi, lang: 'vi' };
  return en ? { text: en, lang: 'en' } : null;
}

/** Absolute URL of an image's largest derivative (or the original). */
export function largeImageUrl(img: ImageView, base: string): string {
  const v = img.variants.large ? 'large' : img.variants.medium ? 'medium' : 'original';
  return `${base}/media/${img.fileId}/${v}`;
}

const SCHEMA_WORK: Record<string, string> = {
  book: 'Book',
  museum_object: 'VisualArtwork',
  digitised_document: 'CreativeWork',
};

/** schema.org ExhibitionEvent of a virtual exhibition, with the works it features. */
export function exhibitionJsonLd(ex: ExhibitionView, url: string, base: string): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ExhibitionEvent',
    '@id': url,
    url,
    name: ex.titleVi,
    inLanguage: 'vi',
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    location: { '@type': 'VirtualLocation', url },
    organizer: { '@type': 'Organization', name: ex.unitName },
  };
  if (ex.titleEn) doc.alternateName = ex.titleEn;
  if (ex.summaryVi) doc.description = ex.summaryVi;
  doc.startDate = ex.startDate ?? (ex.publishedAt ? ex.publishedAt.toISOString().slice(0, 10) : undefined);
  if (ex.endDate) doc.endDate = ex.endDate;
  if (ex.cover) doc.image = largeImageUrl(ex.cover, base);
  const works = ex.sections.flatMap((s) =>
    s.items.flatMap((i) =>
      i.kind === 'record'
        ? [
            {
              '@type': SCHEMA_WORK[i.record.type] ?? 'CreativeWork',
              name: i.record.title,
              url: `${base}/records/${i.record.id}`,
            },
          ]
        : [],
    ),
  );
  if (works.length) doc.workFeatured = works;
  return doc;
}

/**
 * schema.org description of one section page (`/exhibitions/:slug/:n`): a CreativeWork that is part of the
 * ExhibitionEvent, with its heading, text, images and the catalogue works it shows (issue 18).
 */
export function exhibitionSectionJsonLd(
  ex: ExhibitionView,
  n: number,
  canonical: string,
  base: string,
): Record<string, unknown> | null {
  const section = ex.sections[n - 1];
  if (!section) return null;
  const url = `${canonical}/${n}`;
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: section.headingVi,
    inLanguage: 'vi',
    position: n,
    isPartOf: { '@type': 'ExhibitionEvent', '@id': canonical, name: ex.titleVi },
    publisher: { '@type': 'Organization', name: ex.unitName },
  };
  if (section.headingEn) doc.alternateName = section.headingEn;
  if (section.bodyVi) doc.text = section.bodyVi;
  const images = section.items.flatMap((i) =>
    i.kind === 'image'
      ? [largeImageUrl(i.image, base)]
      : i.record.image
        ? [largeImageUrl(i.record.image, base)]
        : [],
  );
  if (images.length) doc.image = images;
  const works = section.items.flatMap((i) =>
    i.kind === 'record'
      ? [
          {
            '@type': SCHEMA_WORK[i.record.type] ?? 'CreativeWork',
            name: i.record.title,
            url: `${base}/records/${i.record.id}`,
          },
        ]
      : [],
  );
  if (works.length) doc.about = works;
  return doc;
}

/** JSON for an inline `<script type="application/ld+json">`: every `<` escaped so it cannot close the tag. */
export function safeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
