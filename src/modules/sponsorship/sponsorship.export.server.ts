// Export of the donation list (same filters as /admin/sponsorship/donations): CSV (src/lib/csv.ts) or XLSX.
import ExcelJS from 'exceljs';
import type { Actor } from '../../lib/authz.ts';
import { toCsv } from '../../lib/csv.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import { type DonationQuery, listDonations, type SponsorshipDeps } from './sponsorship.usecases.server.ts';

const HEAD_KEYS = [
  'sponsorship.col.id',
  'sponsorship.field.receivedOn',
  'sponsorship.field.sponsor',
  'sponsorship.field.donationKind',
  'sponsorship.field.description',
  'sponsorship.field.valueVnd',
  'sponsorship.field.unit',
  'sponsorship.field.purpose',
] as const;

export async function exportDonations(
  deps: SponsorshipDeps,
  actor: Actor,
  q: DonationQuery,
  format: 'csv' | 'xlsx',
) {
  const rows = await listDonations(deps, actor, q);
  const cells = [
    HEAD_KEYS.map((k) => t('vi', k)),
    ...rows.map((d) => [
      d.id,
      d.receivedOn,
      d.sponsorName,
      t('vi', `sponsorship.kind.${d.kind}`),
      d.description,
      d.valueVnd,
      d.unitName,
      d.purpose,
    ]),
  ];
  const fileName = `tai-tro-${isoDateInVietnam(deps.now())}.${format}`;
  if (format === 'csv')
    return { body: new TextEncoder().encode(toCsv(cells)), contentType: 'text/csv; charset=utf-8', fileName };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tài trợ');
  for (const r of cells) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer) as Uint8Array<ArrayBuffer>,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
  };
}
