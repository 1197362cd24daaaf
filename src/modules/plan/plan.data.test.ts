// Checks the transcribed plan against the source text: counts, a few exact texts, and then every field of
// every row against the appendix tables re-read from the source export (when the file is available).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLAN_TASKS, type PlanTaskSource } from './plan.data.ts';
import { PLAN_SECTIONS, type PlanTime } from './plan.model.ts';

const SOURCE_NAME = 'ke-hoach-hoc-tap-suot-doi-khanh-hoa-2023.txt';
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sourcePath = [`/work/shared/source/${SOURCE_NAME}`, `${repoRoot}../shared/source/${SOURCE_NAME}`].find(
  (p) => existsSync(p),
);
const source = sourcePath ? readFileSync(sourcePath, 'utf8') : undefined;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const byKey = (key: string): PlanTaskSource => {
  const t = PLAN_TASKS.find((x) => x.sourceKey === key);
  if (!t) throw new Error(`no task ${key}`);
  return t;
};

const UNIT_NAMES: Record<string, string> = {
  'phong-qlvhgd': 'Phòng Quản lý Văn hóa và Gia đình',
  'thu-vien-tinh': 'Thư viện tỉnh',
  'bao-tang-tinh': 'Bảo tàng tỉnh',
  'ttvh-dien-anh': 'Trung tâm Văn hóa - Điện ảnh tỉnh',
};

interface SourceRow {
  key: string;
  sectionTitle: string;
  cells: string[]; // content, product, lead, coordinating, time
}

/** Re-reads the appendix tables: rows start with a number, page-break continuations with a tab. */
function parseAppendices(text: string): SourceRow[] {
  const i1 = text.indexOf('PHỤ LỤC I\n');
  const i2 = text.indexOf('PHỤ LỤC II\n');
  const rows: SourceRow[] = [];
  for (const [tag, part] of [
    ['PL1', text.slice(i1, i2)],
    ['PL2', text.slice(i2)],
  ] as const) {
    let section = '';
    let title = '';
    for (const line of part.split('\n')) {
      if (!line.trim() || /^(STT|PHỤ LỤC|NHIỆM VỤ)/.test(line)) continue;
      const cells = line.split('\t').map((c) => norm(c.replace(/<[^>]*>/g, ' ')));
      const head = cells[0] ?? '';
      if ((PLAN_SECTIONS as readonly string[]).includes(head)) {
        section = head;
        title = cells[1] ?? '';
      } else if (/^\d+$/.test(head)) {
        rows.push({
          key: `${tag}-${section}-${head}`,
          sectionTitle: title,
          cells: [1, 2, 3, 4, 5].map((i) => cells[i] ?? ''),
        });
      } else if (head === '') {
        const row = rows.at(-1);
        if (!row) throw new Error(`continuation before any row: ${line}`);
        row.cells = row.cells.map((c, i) => norm(`${c} ${cells[i + 1] ?? ''}`));
      } else {
        throw new Error(`unexpected line in appendix: ${line}`);
      }
    }
  }
  return rows;
}

function parseTime(text: string): PlanTime {
  if (text === '') return { kind: 'unspecified' };
  if (text === 'Hàng năm') return { kind: 'yearly' };
  const range = /^(\d{4}) ?- ?(\d{4})$/.exec(text);
  if (range) return { kind: 'range', from: Number(range[1]), to: Number(range[2]) };
  if (/^\d{4}$/.test(text)) return { kind: 'year', year: Number(text) };
  throw new Error(`unreadable time cell "${text}"`);
}

describe('plan data', () => {
  it('has 13 tasks in Phụ lục I and 17 in Phụ lục II, with unique keys', () => {
    expect(PLAN_TASKS.filter((t) => t.phase === '2023-2025')).toHaveLength(13);
    expect(PLAN_TASKS.filter((t) => t.phase === '2025-2030')).toHaveLength(17);
    expect(new Set(PLAN_TASKS.map((t) => t.sourceKey)).size).toBe(30);
    for (const t of PLAN_TASKS) {
      expect(t.sourceKey).toBe(`${t.phase === '2023-2025' ? 'PL1' : 'PL2'}-${t.section}-${t.number}`);
    }
  });

  it('counts tasks per section as the appendices do', () => {
    const count = (phase: string) =>
      PLAN_SECTIONS.map((s) => PLAN_TASKS.filter((t) => t.phase === phase && t.section === s).length);
    expect(count('2023-2025')).toEqual([2, 3, 2, 1, 2, 1, 2]);
    expect(count('2025-2030')).toEqual([2, 5, 2, 1, 3, 1, 3]);
  });

  it('numbers tasks 1..n within each section', () => {
    for (const phase of ['2023-2025', '2025-2030']) {
      for (const s of PLAN_SECTIONS) {
        const numbers = PLAN_TASKS.filter((t) => t.phase === phase && t.section === s).map((t) => t.number);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
    }
  });

  it('keeps the two appendices’ different titles for sections II and VII', () => {
    expect(byKey('PL1-II-1').sectionTitle).toBe(
      'HƯỚNG DẪN PHƯƠNG PHÁP, KỸ NĂNG TỔ CHỨC CÁC HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    );
    expect(byKey('PL2-II-1').sectionTitle).toBe(
      'PHỔ BIẾN TÀI LIỆU; TẬP HUẤN NÂNG CAO CHẤT LƯỢNG NGUỒN NHÂN LỰC TRONG THƯ VIỆN, BẢO TÀNG, TRUNG TÂM VĂN HOÁ',
    );
    expect(byKey('PL1-VII-1').sectionTitle).toBe('BÁO CÁO KẾT QUẢ TRIỂN KHAI CHƯƠNG TRÌNH');
    expect(byKey('PL2-VII-3').sectionTitle).toBe('TỔNG KẾT CHƯƠNG TRÌNH');
  });

  // Literals copied from the source; they also run where the source file is not available.
  const SPOT_CHECKS: Array<[string, keyof PlanTaskSource, string]> = [
    [
      'PL1-II-1',
      'content',
      'Phổ biến tài liệu hướng dẫn phương pháp và kỹ năng tổ chức các hoạt động phục vụ học tập suốt đời cho người sử dụng thư viện (Theo hướng dẫn của Bộ Văn hoá, Thể thao và Du lịch)',
    ],
    [
      'PL2-II-1',
      'content',
      'Phổ biến Tài liệu hướng dẫn triển khai các mô hình phục vụ học tập suốt đời trên nền tảng công nghệ số trong thư viện hoá (Theo hướng dẫn của Bộ Văn hoá, Thể thao và Du lịch)',
    ],
    [
      'PL2-III-2',
      'content',
      'Tổ chức, lồng ghép tổ chức các hoạt động truyền thông, tuyên truyền trên các trang thông tin điện tử, phương tiện thông tin đại chúng và không gian mạng về đầy mạnh học tập suốt đời',
    ],
    [
      'PL1-III-2',
      'product',
      'Sự kiện, chuyên mục, tin, bài, phóng sự, giao lưu, tọa đàm trực tuyến và các hình thức truyền thông khác',
    ],
    ['PL1-IV-1', 'product', 'Chương trình, Dự án hợp tác viện trợ/ tài trợ'],
    [
      'PL1-III-1',
      'coordinating',
      '- Phòng Văn hóa và Thông tin, Trung tâm Văn hóa, Thông tin và Thể thao các huyện, thị xã, thành phố - Các phòng chuyên môn, đơn vị liên quan',
    ],
    ['PL2-VII-3', 'content', 'Tổng kết Chương trình giai đoạn 2023 - 2030'],
    ['PL2-VII-2', 'content', 'Sơ kết 05 năm triển khai thực hiện Chương trình'],
  ];

  it.each(SPOT_CHECKS)('has the exact text of %s %s', (key, field, expected) => {
    const value = byKey(key)[field];
    const text = typeof value === 'object' && value !== null && 'text' in value ? value.text : value;
    expect(text).toBe(expected);
  });

  it('records Phụ lục I III.2’s empty time cell as unspecified and PL1-II-3 as led by the culture office only', () => {
    expect(byKey('PL1-III-2')).toMatchObject({ timeText: '', time: { kind: 'unspecified' } });
    expect(byKey('PL1-II-3').lead.codes).toEqual(['phong-qlvhgd']);
    expect(byKey('PL1-II-3').coordinating).toMatchObject({
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
    });
  });

  it('derives unit codes and groups that account for the whole raw cell, in order', () => {
    for (const t of PLAN_TASKS) {
      for (const cell of [t.lead, t.coordinating]) {
        const parts = [...cell.codes.map((c) => UNIT_NAMES[c] ?? c), ...cell.groups];
        expect(norm(cell.text.replace(/^- /, '')), t.sourceKey).toBe(parts.join(' - '));
      }
      expect(parseTime(t.timeText), t.sourceKey).toEqual(t.time);
    }
  });

  describe.skipIf(!source)('against the source text', () => {
    const rows = source ? parseAppendices(source) : [];
    // The export repeats "lịch)" after the page break inside Phụ lục II, II.2 (see plan.data.ts).
    const ARTEFACTS: Record<string, (cells: string[]) => string[]> = {
      'PL2-II-2': ([content = '', ...rest]) => [content.replace(/ lịch\) lịch\)$/, ' lịch)'), ...rest],
    };

    it('finds the same 30 rows in the same order', () => {
      expect(rows.map((r) => r.key)).toEqual(PLAN_TASKS.map((t) => t.sourceKey));
    });

    it.each(PLAN_TASKS.map((t) => [t.sourceKey, t] as const))('transcribes %s exactly', (key, t) => {
      const row = rows.find((r) => r.key === key);
      expect(row).toBeDefined();
      const cells = ARTEFACTS[key]?.(row?.cells ?? []) ?? row?.cells;
      expect([t.sectionTitle, t.content, t.product, t.lead.text, t.coordinating.text, t.timeText]).toEqual([
        row?.sectionTitle,
        ...(cells ?? []),
      ]);
    });

    it('uses only text that appears in the source (whitespace normalised)', () => {
      const flat = norm(source ?? '');
      for (const [key, , expected] of SPOT_CHECKS) {
        if (key === 'PL1-III-2' || key === 'PL1-II-1') continue; // split across a page break in the export
        expect(flat, key).toContain(expected);
      }
    });
  });
});
