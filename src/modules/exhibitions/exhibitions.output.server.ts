// The API shape of an exhibition: localised texts side by side, items with absolute image URLs and alt texts.
import { z } from '@hono/zod-openapi';
import type { ImageView } from '../catalogue/media/media.repository.server.ts';
import type { ExhibitionView } from './exhibitions.queries.server.ts';

const ImageOutputSchema = z.object({
  url: z.string(),
  thumbnailUrl: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  altVi: z.string(),
  altEn: z.string().nullable(),
});

export const ExhibitionOutputSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    url: z.string(),
    status: z.enum(['draft', 'published']),
    version: z.number().int(),
    institution: z.object({ id: z.string(), name: z.string() }),
    titleVi: z.string(),
    titleEn: z.string().nullable(),
    summaryVi: z.string().nullable(),
    summaryEn: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    sections: z.array(
      z.object({
        id: z.string(),
        headingVi: z.string(),
        headingEn: z.string().nullable(),
        bodyVi: z.string().nullable(),
        bodyEn: z.string().nullable(),
        items: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(['record', 'image']),
            recordId: z.string().nullable(),
            title: z.string().nullable(),
            captionVi: z.string().nullable(),
            captionEn: z.string().nullable(),
            image: ImageOutputSchema.nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('Exhibition');

function image(img: ImageView | null, base: string) {
  if (!img) return null;
  const large = img.variants.large ? 'large' : 'original';
  return {
    url: `${base}/media/${img.fileId}/${large}`,
    thumbnailUrl: `${base}/media/${img.fileId}/${img.variants.thumb ? 'thumb' : 'original'}`,
    width: img.width,
    height: img.height,
    altVi: img.altVi,
    altEn: img.altEn,
  };
}

export function presentExhibition(
  ex: ExhibitionView,
  publicUrl: string,
): z.infer<typeof ExhibitionOutputSchema> {
  const base = publicUrl.replace(/\/$/, '');
  return {
    id: ex.id,
    slug: ex.slug,
    url: `${base}/exhibitions/${ex.slug}`,
    status: ex.status,
    version: ex.version,
    institution: { id: ex.unitId, name: ex.unitName },
    titleVi: ex.titleVi,
    titleEn: ex.titleEn,
    summaryVi: ex.summaryVi,
    summaryEn: ex.summaryEn,
    startDate: ex.startDate,
    endDate: ex.endDate,
    sections: ex.sections.map((s) => ({
      id: s.id,
      headingVi: s.headingVi,
      headingEn: s.headingEn,
      bodyVi: s.bodyVi,
      bodyEn: s.bodyEn,
      items: s.items.map((i) =>
        i.kind === 'record'
          ? {
              id: i.id,
              kind: 'record' as const,
              recordId: i.record.id,
              title: i.record.title,
              captionVi: i.captionVi,
              captionEn: i.captionEn,
              image: image(i.record.image, base),
            }
          : {
              id: i.id,
              kind: 'image' as const,
              recordId: null,
              title: null,
              captionVi: i.captionVi,
              captionEn: i.captionEn,
              image: image(i.image, base),
            },
      ),
    })),
  };
}
