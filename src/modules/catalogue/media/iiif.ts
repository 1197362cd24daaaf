// IIIF Presentation API 3.0 manifest of a record's images (https://iiif.io/api/presentation/3.0/), so any
// standard viewer (Mirador, Universal Viewer) can show a museum object or a digitised document page by page.
// One Canvas per image, sized like the original; the painting Annotation's body is the large derivative.
import { bcp47FromMarc } from '../../../lib/language-tags.ts';
import type { RecordType } from '../catalogue.schemas.server.ts';
import type { ImageView } from './media.repository.server.ts';

export const IIIF_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
export const IIIF_CONTENT_TYPE = `application/ld+json;profile="${IIIF_CONTEXT}"`;

type LangMap = Record<string, string[]>;

export interface ManifestRecord {
  id: string;
  type: RecordType;
  title: string;
  creators: string[];
  subjects: string[];
  dateText: string | null;
  year: number | null;
  description: string | null;
  rights: string | null;
  unitName: string;
  inventoryNo: string | null;
  /** MARC language code of the record's text: its title and summary are tagged with it (BCP 47). */
  language?: string | null;
}

const both = (vi: string, en: string = vi): LangMap => ({ vi: [vi], en: [en] });
/** Vietnamese text with its English version when there is one: a text is never tagged with a language it is not in. */
const viEn = (vi: string, en: string | null | undefined): LangMap =>
  en ? { vi: [vi], en: [en] } : { vi: [vi] };
/** Text in the record's own language (`none` when the record does not say which). */
const inLanguage = (text: string, lang: string | null): LangMap => ({ [lang ?? 'none']: [text] });

const TYPE_LABEL: Record<RecordType, [string, string]> = {
  book: ['Sách', 'Book'],
  serial: ['Ấn phẩm định kỳ', 'Serial'],
  audiovisual: ['Tài liệu nghe nhìn', 'Audio/video'],
  digitised_document: ['Tài liệu số hóa', 'Digitised document'],
  museum_object: ['Hiện vật bảo tàng', 'Museum object'],
  exhibition: ['Triển lãm', 'Exhibition'],
  learning_resource: ['Học liệu', 'Learning resource'],
  heritage_site: ['Di tích', 'Heritage site'],
};

/** `rights` must be a Creative Commons or RightsStatements.org URI; other rights text goes in the metadata. */
export function rightsUri(rights: string | null): string | null {
  if (!rights) return null;
  const m = /^https?:\/\/(creativecommons\.org|rightsstatements\.org)\/\S+$/.exec(rights.trim());
  return m ? rights.trim().replace(/^https:/, 'http:') : null;
}

function imageFormat(mime: string): string {
  return mime === 'image/png' || mime === 'image/webp' ? mime : 'image/jpeg';
}

/** The largest derivative (or the original when none was made) with its size and format. */
function paintable(img: ImageView, base: string) {
  for (const v of ['large', 'medium', 'thumb'] as const) {
    const info = img.variants[v];
    if (info)
      return {
        id: `${base}/media/${img.fileId}/${v}`,
        format: imageFormat(info.mime ?? 'image/webp'),
        width: info.width,
        height: info.height,
      };
  }
  return {
    id: `${base}/media/${img.fileId}/original`,
    format: imageFormat(img.mime),
    width: img.width ?? 1,
    height: img.height ?? 1,
  };
}

function thumbnail(img: ImageView, base: string) {
  const info = img.variants.thumb;
  if (!info) return [];
  return [
    {
      id: `${base}/media/${img.fileId}/thumb`,
      type: 'Image',
      format: imageFormat(info.mime ?? 'image/webp'),
      width: info.width,
      height: info.height,
    },
  ];
}

/**
 * The manifest as a plain object. `base` is the public origin (no trailing slash); ids are absolute URLs
 * below the manifest's own, as the specification requires of resources published with it.
 */
export function buildManifest(record: ManifestRecord, images: readonly ImageView[], base: string) {
  const manifestId = `${base}/iiif/${record.id}/manifest.json`;
  const lang = bcp47FromMarc(record.language);
  const root = `${base}/iiif/${record.id}`;
  const metadata: Array<{ label: LangMap; value: LangMap }> = [];
  const add = (vi: string, en: string, value: string | null | undefined) => {
    if (value) metadata.push({ label: both(vi, en), value: { none: [value] } });
  };
  metadata.push({ label: both('Loại', 'Type'), value: both(...TYPE_LABEL[record.type]) });
  add('Tác giả', 'Creator', record.creators.join('; '));
  add('Thời gian', 'Date', record.dateText ?? (record.year === null ? null : String(record.year)));
  add('Chủ đề', 'Subject', record.subjects.join('; '));
  add('Số kiểm kê', 'Inventory number', record.inventoryNo);
  add('Nơi lưu giữ', 'Holding institution', record.unitName);
  const rights = rightsUri(record.rights);
  if (record.rights && !rights) add('Quyền sử dụng', 'Rights', record.rights);

  const canvases = images.map((img, i) => {
    const n = i + 1;
    const canvasId = `${root}/canvas/${n}`;
    const body = paintable(img, base);
    const width = img.width ?? body.width;
    const height = img.height ?? body.height;
    const canvas: Record<string, unknown> = {
      id: canvasId,
      type: 'Canvas',
      label: viEn(img.altVi, img.altEn),
      width,
      height,
      thumbnail: thumbnail(img, base),
      items: [
        {
          id: `${root}/page/${n}`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${root}/annotation/${n}`,
              type: 'Annotation',
              motivation: 'painting',
              body: {
                id: body.id,
                type: 'Image',
                format: body.format,
                width: body.width,
                height: body.height,
                // Deep zoom: the IIIF Image API service of the original (iiif-image.http.server.ts).
                ...(img.width && img.height
                  ? {
                      service: [
                        { id: `${base}/iiif/image/${img.fileId}`, type: 'ImageService3', profile: 'level2' },
                      ],
                    }
                  : {}),
              },
              target: canvasId,
            },
          ],
        },
      ],
    };
    if (img.captionVi) canvas.summary = viEn(img.captionVi, img.captionEn);
    else if (img.captionEn) canvas.summary = { en: [img.captionEn] };
    return canvas;
  });

  const manifest: Record<string, unknown> = {
    '@context': IIIF_CONTEXT,
    id: manifestId,
    type: 'Manifest',
    label: inLanguage(record.title, lang),
    metadata,
    requiredStatement: {
      label: both('Nơi lưu giữ', 'Held by'),
      value: { vi: [`${record.unitName} — Suốt Đời`] },
    },
    homepage: [
      {
        id: `${base}/records/${record.id}`,
        type: 'Text',
        label: inLanguage(record.title, lang),
        format: 'text/html',
        language: ['vi'],
      },
    ],
    behavior: [record.type === 'digitised_document' ? 'paged' : 'individuals'],
    items: canvases,
  };
  if (record.description) manifest.summary = inLanguage(record.description.slice(0, 2000), lang);
  if (rights) manifest.rights = rights;
  const first = images[0];
  if (first) manifest.thumbnail = thumbnail(first, base);
  return manifest;
}

/** Problems a IIIF validator would report (used by tests; cheap enough to assert in production code too). */
export function manifestProblems(m: Record<string, unknown>): string[] {
  const out: string[] = [];
  const isLang = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    Object.values(v).every((a) => Array.isArray(a) && a.every((s) => typeof s === 'string'));
  if (m['@context'] !== IIIF_CONTEXT) out.push('@context');
  if (m.type !== 'Manifest') out.push('type');
  if (typeof m.id !== 'string' || !/^https?:\/\//.test(m.id)) out.push('id');
  if (!isLang(m.label)) out.push('label');
  const items = m.items;
  if (!Array.isArray(items)) return [...out, 'items'];
  const ids = new Set<string>();
  items.forEach((c: Record<string, unknown>, i) => {
    const where = `items[${i}]`;
    if (c.type !== 'Canvas') out.push(`${where}.type`);
    if (typeof c.id !== 'string' || ids.has(c.id)) out.push(`${where}.id`);
    ids.add(String(c.id));
    if (!Number.isInteger(c.width) || !Number.isInteger(c.height)) out.push(`${where}.width/height`);
    const pages = c.items as Array<Record<string, unknown>> | undefined;
    const anno = (pages?.[0]?.items as Array<Record<string, unknown>> | undefined)?.[0];
    if (pages?.[0]?.type !== 'AnnotationPage') out.push(`${where}.items[0].type`);
    if (anno?.type !== 'Annotation' || anno.motivation !== 'painting') out.push(`${where}.annotation`);
    if (anno?.target !== c.id) out.push(`${where}.annotation.target`);
    const body = anno?.body as Record<string, unknown> | undefined;
    if (body?.type !== 'Image' || typeof body.format !== 'string' || typeof body.id !== 'string')
      out.push(`${where}.annotation.body`);
  });
  return out;
}
