// The IIIF Presentation 3 manifest built from a record and its images: structure, ids, sizes, languages.
import { describe, expect, it } from 'vitest';
import { buildManifest, IIIF_CONTEXT, type ManifestRecord, manifestProblems, rightsUri } from './iiif.ts';
import type { ImageView } from './media.repository.server.ts';

const record: ManifestRecord = {
  id: 'rec_aaaaaaaaaaaaaaaa',
  type: 'digitised_document',
  title: 'Sắc phong làng Vĩnh Trường',
  creators: ['Triều Nguyễn'],
  subjects: ['Sắc phong', 'Nha Trang'],
  dateText: 'Năm Khải Định thứ 9 (1924)',
  year: 1924,
  description: 'Bản số hóa hai trang <b>sắc phong</b>.',
  rights: 'http://rightsstatements.org/vocab/NoC-NC/1.0/',
  unitName: 'Bảo tàng tỉnh Khánh Hòa',
  inventoryNo: 'BTKH-1924-01',
  language: 'vie',
};

const image = (n: number, withVariants = true): ImageView => ({
  id: `img_${String(n).repeat(16)}`,
  fileId: `file_${String(n).repeat(16)}`,
  position: n - 1,
  altVi: `Trang ${n} của sắc phong, chữ Hán mực đen trên giấy vàng`,
  altEn: n === 1 ? 'Page 1 of the royal decree' : null,
  captionVi: n === 1 ? 'Trang đầu' : null,
  captionEn: null,
  mime: 'image/jpeg',
  width: 3000,
  height: 4000,
  variants: withVariants
    ? {
        thumb: { width: 240, height: 320, mime: 'image/webp' },
        medium: { width: 720, height: 960, mime: 'image/webp' },
        large: { width: 1440, height: 1920, mime: 'image/webp' },
      }
    : {},
});

describe('IIIF Presentation 3 manifest', () => {
  const base = 'https://hoctap.example.vn';
  const m = buildManifest(record, [image(1), image(2)], base);
  const canvases = m.items as Array<Record<string, unknown>>;

  it('is a valid manifest with one canvas per image, in order', () => {
    expect(manifestProblems(m)).toEqual([]);
    expect(m['@context']).toBe(IIIF_CONTEXT);
    expect(m.id).toBe(`${base}/iiif/${record.id}/manifest.json`);
    expect(m.type).toBe('Manifest');
    expect(m.behavior).toEqual(['paged']);
    expect(canvases.map((c) => c.id)).toEqual([
      `${base}/iiif/${record.id}/canvas/1`,
      `${base}/iiif/${record.id}/canvas/2`,
    ]);
  });

  it('sizes canvases like the originals and paints the large derivative onto them', () => {
    const c = canvases[0] as Record<string, unknown>;
    expect(c).toMatchObject({ type: 'Canvas', width: 3000, height: 4000 });
    const page = (c.items as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    const anno = (page.items as Array<Record<string, unknown>>)[0];
    expect(page.type).toBe('AnnotationPage');
    expect(anno).toMatchObject({
      type: 'Annotation',
      motivation: 'painting',
      target: c.id,
      body: {
        id: `${base}/media/file_1111111111111111/large`,
        type: 'Image',
        format: 'image/webp',
        width: 1440,
        height: 1920,
        service: [
          { id: `${base}/iiif/image/file_1111111111111111`, type: 'ImageService3', profile: 'level2' },
        ],
      },
    });
    expect(c.thumbnail).toEqual([
      {
        id: `${base}/media/file_1111111111111111/thumb`,
        type: 'Image',
        format: 'image/webp',
        width: 240,
        height: 320,
      },
    ]);
  });

  it('labels everything in Vietnamese and English, with alt text as the canvas label', () => {
    // Texts carry only the languages they are in (issue 18: Vietnamese was tagged `en` too).
    expect(m.label).toEqual({ vi: [record.title] });
    expect(m.summary).toEqual({ vi: [record.description] });
    expect(canvases[0]?.label).toEqual({ vi: [image(1).altVi], en: ['Page 1 of the royal decree'] });
    expect(canvases[1]?.label).toEqual({ vi: [image(2).altVi] });
    expect(canvases[0]?.summary).toEqual({ vi: ['Trang đầu'] });
    expect(buildManifest({ ...record, language: 'fre' }, [image(1)], 'https://x.test').label).toEqual({
      fr: [record.title],
    });
    expect(buildManifest({ ...record, language: null }, [image(1)], 'https://x.test').label).toEqual({
      none: [record.title],
    });
    const metadata = m.metadata as Array<{
      label: Record<string, string[]>;
      value: Record<string, string[]>;
    }>;
    expect(metadata.find((e) => e.label.en?.[0] === 'Type')?.value).toEqual({
      vi: ['Tài liệu số hóa'],
      en: ['Digitised document'],
    });
    expect(metadata.find((e) => e.label.vi?.[0] === 'Số kiểm kê')?.value).toEqual({ none: ['BTKH-1924-01'] });
    expect(m.requiredStatement).toEqual({
      label: { vi: ['Nơi lưu giữ'], en: ['Held by'] },
      value: { vi: ['Bảo tàng tỉnh Khánh Hòa — Suốt Đời'] },
    });
    expect(m.rights).toBe('http://rightsstatements.org/vocab/NoC-NC/1.0/');
  });

  it('keeps free-text rights out of `rights` (only CC / RightsStatements URIs belong there)', () => {
    expect(rightsUri('https://creativecommons.org/licenses/by/4.0/')).toBe(
      'http://creativecommons.org/licenses/by/4.0/',
    );
    expect(rightsUri('Bảo tàng giữ bản quyền')).toBeNull();
    const free = buildManifest({ ...record, rights: 'Bảo tàng giữ bản quyền' }, [image(1)], base);
    expect(free.rights).toBeUndefined();
    expect(JSON.stringify(free.metadata)).toContain('Bảo tàng giữ bản quyền');
  });

  it('falls back to the original when no derivative exists, and flags broken structures', () => {
    const plain = buildManifest({ ...record, type: 'museum_object' }, [image(3, false)], base);
    expect(manifestProblems(plain)).toEqual([]);
    expect(plain.behavior).toEqual(['individuals']);
    const body = JSON.stringify(plain.items);
    expect(body).toContain('/media/file_3333333333333333/original');
    expect(body).toContain('"format":"image/jpeg"');
    const broken = { ...m, items: [{ ...canvases[0], width: 'wide' }, canvases[0]] };
    expect(manifestProblems(broken)).toEqual(['items[0].width/height', 'items[1].id']);
  });
});
