// Export of the inspection plans (same filter as /admin/inspections) with their follow-up counts, as CSV/XLSX.
import type { Actor } from '../../lib/authz.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import { tableFile } from '../../lib/spreadsheet.server.ts';
import { type InspDeps, listInspectionPlans, type PlanListQuery } from './inspections.usecases.server.ts';

export async function exportInspectionPlans(
  deps: InspDeps,
  actor: Actor,
  q: PlanListQuery,
  format: 'csv' | 'xlsx',
) {
  const rows = await listInspectionPlans(deps, actor, q);
  const cells = [
    [
      t('vi', 'inspections.col.id'),
      t('vi', 'inspections.field.title'),
      t('vi', 'inspections.field.unit'),
      t('vi', 'inspections.field.targets'),
      t('vi', 'inspections.field.plannedFrom'),
      t('vi', 'inspections.field.plannedTo'),
      t('vi', 'inspections.col.status'),
      t('vi', 'inspections.col.followUps'),
      t('vi', 'inspections.col.open'),
      t('vi', 'inspections.col.overdue'),
    ],
    ...rows.map((p) => [
      p.id,
      p.title,
      p.unitName,
      p.targetNames.join('; '),
      formatIsoDay(p.plannedFrom),
      formatIsoDay(p.plannedTo),
      t('vi', `inspections.status.${p.status}`),
      p.followUps,
      p.open,
      p.overdue,
    ]),
  ];
  return tableFile(cells, format, 'Kiểm tra', `kiem-tra-${isoDateInVietnam(deps.now())}`);
}
