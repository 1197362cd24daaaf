// Demo exhibitions (demo mode only, first start): two stories about Khánh Hòa — agarwood (trầm hương) and the
// Ponagar towers, and Alexandre Yersin in Nha Trang — built on demo catalogue objects with drawn placeholder
// images (clearly marked as illustrations). Stored through the files module like any upload.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppDeps } from '../../app/deps.types.ts';
import { ANONYMOUS } from '../../lib/authz.ts';
import { generatedRecord } from '../catalogue/catalogue.seed.server.ts';
import { newRecordImageId } from '../catalogue/index.server.ts';
import { storeUploadedFile } from '../files/files.usecases.server.ts';
import { newId } from './exhibitions.ids.server.ts';

const DEMO = 'Dữ liệu minh họa (demo), không phải hiện vật thật.';

/** A drawn placeholder picture (no text: fonts differ between machines). */
function drawing(kind: 'agarwood' | 'tower' | 'microscope' | 'map'): string {
  const shapes = {
    agarwood:
      '<rect width="1200" height="800" fill="#efe6d8"/><path d="M250 520 C300 300 520 220 700 260 C880 300 980 420 930 560 C880 680 420 700 250 520Z" fill="#5b3a1e"/><path d="M330 500 C420 380 560 330 760 360" stroke="#1d120a" stroke-width="14" fill="none"/><path d="M380 560 C520 470 700 450 860 500" stroke="#2a1a0e" stroke-width="10" fill="none"/>',
    tower:
      '<rect width="1200" height="800" fill="#cfe3f2"/><rect y="620" width="1200" height="180" fill="#7a9a5a"/><path d="M480 620 L520 260 L600 160 L680 260 L720 620Z" fill="#a0522d"/><path d="M540 620 L560 420 L640 420 L660 620Z" fill="#5a2d14"/><path d="M760 620 L780 400 L830 340 L880 400 L900 620Z" fill="#b5653a"/>',
    microscope:
      '<rect width="1200" height="800" fill="#f1f1ee"/><rect x="420" y="640" width="360" height="50" fill="#333"/><rect x="560" y="260" width="70" height="380" fill="#555" transform="rotate(-12 595 450)"/><circle cx="560" cy="240" r="45" fill="#222"/><rect x="500" y="500" width="220" height="24" fill="#777"/>',
    map: '<rect width="1200" height="800" fill="#9cc9e6"/><path d="M700 0 L1200 0 L1200 800 L620 800 C560 650 700 520 640 380 C590 250 720 150 700 0Z" fill="#d9c89a"/><path d="M650 420 L1000 400" stroke="#8b0000" stroke-width="6"/><circle cx="680" cy="430" r="14" fill="#8b0000"/>',
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">${shapes[kind]}</svg>`;
}

async function storeDrawing(deps: AppDeps, dir: string, kind: Parameters<typeof drawing>[0], unitId: string) {
  const tempPath = join(dir, `${kind}.png`);
  await sharp(Buffer.from(drawing(kind)))
    .png()
    .toFile(tempPath);
  return storeUploadedFile(deps, ANONYMOUS, {
    tempPath,
    fileName: `${kind}.png`,
    kind: 'image',
    visibility: 'public',
    unitId,
  });
}

interface DemoObject {
  key: string;
  title: string;
  type: 'museum_object' | 'digitised_document';
  subjects: string[];
  year: number;
  picture: Parameters<typeof drawing>[0];
  alt: [string, string];
  holder: 'bao-tang-tinh' | 'thu-vien-tinh';
}

const OBJECTS: DemoObject[] = [
  {
    key: 'agarwood',
    title: 'Trầm hương Khánh Hòa',
    type: 'museum_object',
    subjects: ['Trầm hương', 'Khánh Hòa', 'Nghề truyền thống'],
    year: 1998,
    picture: 'agarwood',
    alt: [
      'Khối trầm hương màu nâu sẫm với các vân dầu đen',
      'Dark brown block of agarwood with black resin veins',
    ],
    holder: 'bao-tang-tinh',
  },
  {
    key: 'ponagar',
    title: 'Mô hình tháp Bà Ponagar, Nha Trang, Khánh Hòa',
    type: 'museum_object',
    subjects: ['Tháp Bà Ponagar', 'Văn hóa Chăm', 'Khánh Hòa'],
    year: 2005,
    picture: 'tower',
    alt: [
      'Mô hình các tháp gạch đỏ của Tháp Bà Ponagar trên đồi cỏ',
      'Model of the red-brick Ponagar towers on a grassy hill',
    ],
    holder: 'bao-tang-tinh',
  },
  {
    key: 'microscope',
    title: 'Kính hiển vi của bác sĩ Alexandre Yersin (bản sao)',
    type: 'museum_object',
    subjects: ['Alexandre Yersin', 'Y học', 'Nha Trang'],
    year: 1895,
    picture: 'microscope',
    alt: ['Kính hiển vi bằng đồng đen trên đế vuông', 'Dark bronze microscope on a square base'],
    holder: 'bao-tang-tinh',
  },
  {
    key: 'map',
    title: 'Bản đồ vịnh Nha Trang năm 1930 (bản số hóa)',
    type: 'digitised_document',
    subjects: ['Bản đồ', 'Nha Trang', 'Khánh Hòa'],
    year: 1930,
    picture: 'map',
    alt: [
      'Bản đồ bờ biển vịnh Nha Trang, đất liền màu vàng nhạt, biển màu xanh',
      'Map of the Nha Trang bay coast, land in pale yellow, sea in blue',
    ],
    holder: 'thu-vien-tinh',
  },
];

const STORIES = [
  {
    slug: 'tram-huong-va-thap-ba-ponagar',
    titleVi: 'Trầm hương và Tháp Bà: di sản xứ Trầm',
    titleEn: 'Agarwood and the Ponagar towers: heritage of Khánh Hòa',
    summaryVi: `Khánh Hòa được gọi là "xứ Trầm hương". Triển lãm kể về nghề tìm trầm và quần thể tháp Chăm Ponagar bên sông Cái. ${DEMO}`,
    summaryEn: `Khánh Hòa is known as the land of agarwood. This exhibition tells of agarwood hunters and the Cham towers of Ponagar by the Cái river. ${DEMO}`,
    sections: [
      {
        headingVi: 'Xứ Trầm hương',
        headingEn: 'The land of agarwood',
        bodyVi:
          'Trầm hương hình thành khi cây dó bầu tiết nhựa để tự chữa vết thương.\n\nNgười tìm trầm vào rừng nhiều ngày.',
        bodyEn:
          'Agarwood forms when the aquilaria tree secretes resin to heal its wounds.\n\nHunters spent days in the forest.',
        objects: ['agarwood'],
      },
      {
        headingVi: 'Tháp Bà Ponagar',
        headingEn: 'The Ponagar towers',
        bodyVi: 'Quần thể tháp Chăm thờ nữ thần Po Inư Nagar, được xây từ thế kỷ VIII đến XIII.',
        bodyEn:
          'Cham towers dedicated to the goddess Po Inư Nagar, built between the 8th and 13th centuries.',
        objects: ['ponagar'],
      },
    ],
  },
  {
    slug: 'yersin-o-nha-trang',
    titleVi: 'Alexandre Yersin ở Nha Trang',
    titleEn: 'Alexandre Yersin in Nha Trang',
    summaryVi: `Bác sĩ Yersin sống và làm việc ở Nha Trang gần nửa thế kỷ. ${DEMO}`,
    summaryEn: `Doctor Yersin lived and worked in Nha Trang for almost half a century. ${DEMO}`,
    sections: [
      {
        headingVi: 'Nhà khoa học',
        headingEn: 'The scientist',
        bodyVi: 'Năm 1894 Yersin tìm ra trực khuẩn dịch hạch.',
        bodyEn: 'In 1894 Yersin identified the plague bacillus.',
        objects: ['microscope'],
      },
      {
        headingVi: 'Nha Trang xưa',
        headingEn: 'Old Nha Trang',
        bodyVi: 'Vịnh Nha Trang trên bản đồ đầu thế kỷ XX.',
        bodyEn: 'The bay of Nha Trang on an early 20th-century map.',
        objects: ['map'],
      },
    ],
  },
];

export async function seedDemoExhibitions(deps: AppDeps): Promise<number> {
  const units = new Map<string, string>();
  for (const code of ['bao-tang-tinh', 'thu-vien-tinh']) {
    const u = await deps.repos.units.byCode(deps.db, code);
    if (u) units.set(code, u.id);
  }
  const museum = units.get('bao-tang-tinh');
  if (!museum || !units.get('thu-vien-tinh')) return 0;
  const dir = await mkdtemp(join(tmpdir(), 'suotdoi-demo-'));
  try {
    const recordIds = new Map<string, string>();
    for (const o of OBJECTS) {
      const unitId = units.get(o.holder) as string;
      const built = generatedRecord(
        {
          type: o.type,
          title: o.title,
          creators: [],
          subjects: o.subjects,
          year: o.year,
          language: 'vie',
          isbn: null,
          callNumber: `DEMO-${o.key.toUpperCase()}`,
          availability: o.type === 'museum_object' ? 'on_display' : 'reference_only',
        },
        unitId,
        { published: true, description: DEMO, details: { demo: true } },
      );
      const file = await storeDrawing(deps, dir, o.picture, unitId);
      await deps.db.transaction(async (tx) => {
        await deps.repos.catalogue.insertRecords(tx, [built.record], [built.holding]);
        await deps.repos.catalogueMedia.insertImage(tx, {
          id: newRecordImageId(),
          recordId: built.record.id,
          fileId: file.id,
          position: 0,
          altVi: o.alt[0],
          altEn: o.alt[1],
          captionVi: `${o.title} — ảnh minh họa`,
          captionEn: 'Illustration (demo)',
          createdBy: null,
        });
      });
      recordIds.set(o.key, built.record.id);
    }
    for (const story of STORIES) {
      const id = newId('exh');
      await deps.db.transaction(async (tx) => {
        await deps.repos.exhibitions.insert(
          tx,
          {
            id,
            slug: story.slug,
            unitId: museum,
            titleVi: story.titleVi,
            titleEn: story.titleEn,
            summaryVi: story.summaryVi,
            summaryEn: story.summaryEn,
            startDate: '2026-05-18',
            endDate: null,
          },
          null,
        );
        for (const [position, s] of story.sections.entries()) {
          const sectionId = newId('exs');
          const { objects, ...text } = s;
          await deps.repos.exhibitions.insertSection(tx, {
            id: sectionId,
            exhibitionId: id,
            position,
            ...text,
          });
          for (const [i, key] of objects.entries())
            await deps.repos.exhibitions.insertItem(tx, {
              id: newId('exi'),
              sectionId,
              position: i,
              recordId: recordIds.get(key) ?? null,
              fileId: null,
              altVi: null,
              altEn: null,
              captionVi: null,
              captionEn: null,
            });
        }
        await deps.repos.exhibitions.setStatus(tx, id, 'published');
      });
    }
    await deps.repos.catalogueSearch.rebuildDictionary(deps.db);
    return STORIES.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
