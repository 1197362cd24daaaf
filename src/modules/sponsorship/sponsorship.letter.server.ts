// The acknowledgement letter (thư cảm ơn) for one donation, as DOCX through the `docx` library (as the reports
// module's documents): A4, Times New Roman 14, the receiving unit's name, Quốc hiệu – Tiêu ngữ, place and date,
// the sponsor, what was given and its value, the purpose, and the signature block.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Actor } from '../../lib/authz.ts';
import { formatIsoDay } from '../../lib/dates.ts';
import { formatVnd } from '../../lib/money.ts';
import { getDonation, type SponsorshipDeps } from './sponsorship.usecases.server.ts';

const FONT = 'Times New Roman';

const line = (
  text: string,
  o: { bold?: boolean; italics?: boolean; align?: 'center' | 'right' | 'justify'; after?: number } = {},
) =>
  new Paragraph({
    alignment:
      o.align === 'center'
        ? AlignmentType.CENTER
        : o.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.JUSTIFIED,
    spacing: { after: (o.after ?? 6) * 20, line: 300 },
    children: [
      new TextRun({ text, font: FONT, size: 28, bold: o.bold ?? false, italics: o.italics ?? false }),
    ],
  });

const two = (n: number) => String(n).padStart(2, '0');
/** "Khánh Hòa, ngày 05 tháng 01 năm 2026" (NĐ 30/2020: leading zeros for days 1–9 and months 1–2). */
function placeAndDate(place: string, d: Date): string {
  const vn = new Date(d.getTime() + 7 * 3600 * 1000);
  const month = vn.getUTCMonth() + 1;
  return `${place}, ngày ${two(vn.getUTCDate())} tháng ${month <= 2 ? two(month) : month} năm ${vn.getUTCFullYear()}`;
}

const KIND_VI = { money: 'tiền', books: 'sách', equipment: 'trang thiết bị' } as const;

export async function acknowledgementLetter(deps: SponsorshipDeps, actor: Actor, donationId: string) {
  const v = await getDonation(deps, actor, donationId);
  const d = v.donation;
  const title = v.sponsorKind === 'person' ? 'Ông/Bà' : 'Quý đơn vị';
  const copies = d.books.reduce((s, b) => s + b.copies, 0);
  const body = [
    line(v.unitName.toUpperCase(), { bold: true, align: 'center', after: 0 }),
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center', after: 0 }),
    line('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'center', after: 12 }),
    line(placeAndDate('Khánh Hòa', deps.now()), { italics: true, align: 'right', after: 12 }),
    line('THƯ CẢM ƠN', { bold: true, align: 'center', after: 12 }),
    line(`Kính gửi: ${title} ${v.sponsorName}`, { bold: true }),
    line(
      `${v.unitName} trân trọng cảm ơn ${title} ${v.sponsorName} đã trao tặng ${KIND_VI[d.kind]} ngày ${formatIsoDay(d.receivedOn)}: ${d.description}.`,
    ),
    ...(d.kind === 'books' ? [line(`Số đầu sách: ${d.books.length}; số bản: ${copies}.`)] : []),
    line(`Giá trị quy đổi: ${formatVnd(d.valueVnd)}.`),
    ...(d.purpose ? [line(`Mục đích sử dụng: ${d.purpose}.`)] : []),
    ...(v.eventTitle ? [line(`Hoạt động: ${v.eventTitle}.`)] : []),
    line(
      'Sự chung tay của Quý vị góp phần xây dựng xã hội học tập, phát triển văn hóa đọc và học tập suốt đời trên địa bàn tỉnh Khánh Hòa.',
    ),
    line('Trân trọng./.', { after: 18 }),
    line('THỦ TRƯỞNG ĐƠN VỊ', { bold: true, align: 'right' }),
  ];
  const doc = new Document({
    creator: 'Suốt Đời',
    title: `Thư cảm ơn ${v.sponsorName}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        children: body,
      },
    ],
  });
  return {
    body: new Uint8Array(await Packer.toBuffer(doc)) as Uint8Array<ArrayBuffer>,
    fileName: `thu-cam-on-${d.id}.docx`,
  };
}
