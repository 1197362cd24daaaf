// The consolidated report as DOCX in the layout of Nghị định 30/2020/NĐ-CP: A4 portrait, margins top/bottom
// 20 mm, left 30 mm, right 15 mm; Times New Roman; issuer block and Quốc hiệu – Tiêu ngữ side by side (the
// Tiêu ngữ with a solid line beneath), số/ký hiệu left and place/date right (italic, leading zeros), the
// document type and summary line, sections I–VII, the results table, the signature block and "Nơi nhận".
// Page numbers centred in the top margin, not on page 1.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Period } from './reports.repository.server.ts';
import type { Consolidated } from './reports.values.server.ts';

export interface DocxInput {
  period: Period;
  data: Consolidated;
  issuerParent: string;
  issuerName: string;
  /** e.g. "SVHTTDL" — the số/ký hiệu is left blank for the clerk: "Số:      /BC-SVHTTDL". */
  issuerAbbrev: string;
  place: string;
  date: Date;
  signerTitle: string;
  recipients: readonly string[];
  unitName?: string | undefined;
}

const FONT = 'Times New Roman';
const pt = (n: number) => n * 2; // docx sizes are half-points
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

function run(text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) {
  return new TextRun({
    text,
    font: FONT,
    size: pt(o.size ?? 14),
    bold: o.bold ?? false,
    italics: o.italics ?? false,
  });
}

function para(
  text: string,
  o: {
    size?: number;
    bold?: boolean;
    italics?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    underline?: boolean;
    after?: number;
  } = {},
) {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: (o.after ?? 6) * 20, line: 276 },
    ...(o.underline
      ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } }
      : {}),
    children: [run(text, o)],
  });
}

const two = (n: number) => String(n).padStart(2, '0');

/** "Khánh Hòa, ngày 05 tháng 01 năm 2026": days 1–9 and months 1–2 with a leading zero (NĐ 30/2020). */
export function placeAndDate(place: string, d: Date): string {
  const vn = new Date(d.getTime() + 7 * 3600 * 1000);
  const month = vn.getUTCMonth() + 1;
  const m = month <= 2 ? two(month) : String(month);
  return `${place}, ngày ${two(vn.getUTCDate())} tháng ${m} năm ${vn.getUTCFullYear()}`;
}

const fmt = (v: number | null) => (v === null ? '—' : v.toLocaleString('vi-VN'));

function cell(
  text: string,
  o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; width?: number } = {},
) {
  return new TableCell({
    ...(o.width ? { width: { size: o.width, type: WidthType.PERCENTAGE } } : {}),
    children: [
      new Paragraph({
        alignment: o.align ?? AlignmentType.LEFT,
        children: [run(text, { size: 12, bold: o.bold ?? false })],
      }),
    ],
  });
}

/**
 * Up to this many units, the results table has a column per unit; beyond (the province's 200 units would not fit
 * an A4 portrait page, and the table would take seconds to build) it shows the totals and the per-unit figures
 * are in the XLSX annex (sheet "Chi tieu").
 */
export const MAX_UNIT_COLUMNS = 6;

function resultsTable(data: Consolidated): Table {
  const perUnit = data.units.length <= MAX_UNIT_COLUMNS;
  const head = new TableRow({
    tableHeader: true,
    children: [
      cell('STT', { bold: true, align: AlignmentType.CENTER }),
      cell('Chỉ tiêu', { bold: true, align: AlignmentType.CENTER }),
      ...(perUnit ? data.units.map((u) => cell(u.name, { bold: true, align: AlignmentType.CENTER })) : []),
      cell('Tổng cộng', { bold: true, align: AlignmentType.CENTER }),
    ],
  });
  const rows = data.rows.map(
    (r, i) =>
      new TableRow({
        children: [
          cell(String(i + 1), { align: AlignmentType.CENTER }),
          cell(`${r.nameVi} (${r.code})${r.changedSince !== 0 ? ' *' : ''}`),
          ...(perUnit ? r.cells.map((c) => cell(fmt(c), { align: AlignmentType.RIGHT })) : []),
          cell(fmt(r.total), { bold: true, align: AlignmentType.RIGHT }),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] });
}

function headerBlock(i: DocxInput): Table {
  const issuer = [
    para(i.issuerParent.toUpperCase(), { size: 13, align: AlignmentType.CENTER, after: 0 }),
    para(i.issuerName.toUpperCase(), {
      size: 13,
      bold: true,
      align: AlignmentType.CENTER,
      underline: true,
      after: 6,
    }),
    para(`Số:       /BC-${i.issuerAbbrev}`, { size: 13, align: AlignmentType.CENTER, after: 0 }),
  ];
  const nation = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
      size: 13,
      bold: true,
      align: AlignmentType.CENTER,
      after: 0,
    }),
    para('Độc lập - Tự do - Hạnh phúc', {
      size: 14,
      bold: true,
      align: AlignmentType.CENTER,
      underline: true,
      after: 6,
    }),
    para(placeAndDate(i.place, i.date), { size: 14, italics: true, align: AlignmentType.CENTER, after: 0 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: issuer,
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: nation,
          }),
        ],
      }),
    ],
  });
}

function sectionsBody(i: DocxInput): Paragraph[] {
  const out: Paragraph[] = [];
  const names = new Map(i.data.units.map((u) => [u.id, u.name]));
  for (const s of i.period.sections) {
    out.push(para(`${s.code}. ${s.titleVi.toUpperCase()}`, { bold: true, after: 6 }));
    const texts = i.data.submissions.filter((x) => x.narratives[s.code]?.trim());
    if (texts.length === 0) out.push(para('(Chưa có nội dung.)', { italics: true }));
    for (const x of texts) {
      const who = i.unitName ? '' : `${names.get(x.unitId) ?? ''}: `;
      for (const line of (x.narratives[s.code] ?? '').split(/\r?\n/).filter((l) => l.trim()))
        out.push(para(`${who}${line.trim()}`));
    }
  }
  return out;
}

function listBlock(
  title: string,
  i: DocxInput,
  pick: (x: Consolidated['submissions'][number]) => string,
): Paragraph[] {
  const names = new Map(i.data.units.map((u) => [u.id, u.name]));
  const items = i.data.submissions.filter((x) => pick(x).trim());
  return [
    para(title, { bold: true }),
    ...(items.length === 0
      ? [para('(Không có.)', { italics: true })]
      : items.map((x) => para(`- ${i.unitName ? '' : `${names.get(x.unitId)}: `}${pick(x).trim()}`))),
  ];
}

function signatureAndRecipients(i: DocxInput): Table {
  const left = [
    para('Nơi nhận:', { size: 12, bold: true, italics: true, align: AlignmentType.LEFT, after: 0 }),
    ...i.recipients.map((r) => para(`- ${r}`, { size: 11, align: AlignmentType.LEFT, after: 0 })),
  ];
  const right = [
    ...i.signerTitle
      .split('\n')
      .map((l) => para(l.toUpperCase(), { size: 14, bold: true, align: AlignmentType.CENTER, after: 0 })),
    para('(Ký, ghi rõ họ tên, đóng dấu)', {
      size: 14,
      italics: true,
      align: AlignmentType.CENTER,
      after: 60,
    }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: left,
          }),
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: right,
          }),
        ],
      }),
    ],
  });
}

export async function buildReportDocx(i: DocxInput): Promise<Uint8Array> {
  const p = i.period;
  const years = p.yearFrom === p.yearTo ? `năm ${p.yearTo}` : `giai đoạn ${p.yearFrom} - ${p.yearTo}`;
  const changed = i.data.rows.some((r) => r.changedSince !== 0);
  const doc = new Document({
    creator: i.issuerName,
    title: p.titleVi,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            // Twips (1/1440 inch), rounded: A4 210 × 297 mm; margins 20, 20, 30, 15 mm.
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })],
              }),
            ],
          }),
        },
        children: [
          headerBlock(i),
          para('', { after: 6 }),
          para('BÁO CÁO', { size: 14, bold: true, align: AlignmentType.CENTER, after: 0 }),
          para(
            `Kết quả thực hiện Chương trình “Đẩy mạnh các hoạt động phục vụ học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hóa đến năm 2030” ${years}${i.unitName ? ` — ${i.unitName}` : ''}`,
            { size: 14, bold: true, align: AlignmentType.CENTER, underline: true, after: 12 },
          ),
          para(`${i.issuerName} báo cáo kết quả thực hiện ${p.titleVi} như sau:`),
          ...sectionsBody(i),
          para('KẾT QUẢ CÁC CHỈ TIÊU', { bold: true, align: AlignmentType.CENTER }),
          resultsTable(i.data),
          ...(i.data.units.length > MAX_UNIT_COLUMNS
            ? [
                para(
                  `Số liệu của từng đơn vị (${i.data.units.length} đơn vị): xem phụ lục XLSX kèm theo, bảng “Chi tieu”.`,
                  { size: 12, italics: true },
                ),
              ]
            : []),
          ...(changed
            ? [
                para(
                  '(*) Số liệu đã thay đổi kể từ khi được duyệt; bảng giữ số liệu tại thời điểm duyệt. Chênh lệch xem tại phụ lục XLSX.',
                  { size: 12, italics: true },
                ),
              ]
            : []),
          ...listBlock('KHÓ KHĂN, VƯỚNG MẮC', i, (x) => x.difficulties),
          ...listBlock('ĐỀ XUẤT, KIẾN NGHỊ', i, (x) => x.proposals),
          para(`Trên đây là báo cáo kết quả thực hiện ${p.titleVi} của ${i.issuerName}./.`),
          signatureAndRecipients(i),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
