// Export of the activity list (same filters as /admin/cooperation) as CSV or XLSX.
import type { Actor } from '../../lib/authz.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import { tableFile } from '../../lib/spreadsheet.server.ts';
import { type ActivityListQuery, type CoopDeps, listActivities } from './cooperation.usecases.server.ts';

export async function exportActivities(
  deps: CoopDeps,
  actor: Actor,
  q: ActivityListQuery,
  format: 'csv' | 'xlsx',
) {
  const rows = await listActivities(deps, actor, q);
  const head = [
    t('vi', 'cooperation.col.id'),
    t('vi', 'cooperation.field.kind'),
    t('vi', 'cooperation.field.title'),
    t('vi', 'cooperation.field.country'),
    t('vi', 'cooperation.field.partners'),
    t('vi', 'cooperation.field.unit'),
    t('vi', 'cooperation.field.startsOn'),
    t('vi', 'cooperation.field.endsOn'),
    t('vi', 'cooperation.col.staffCount'),
    t('vi', 'cooperation.field.externalNames'),
    t('vi', 'cooperation.field.outcomes'),
  ];
  const cells = [
    head,
    ...rows.map((a) => [
      a.id,
      t('vi', `cooperation.kind.${a.kind}`),
      a.title,
      a.countryName,
      a.partnerNames.join('; '),
      a.unitName,
      formatIsoDay(a.startsOn),
      formatIsoDay(a.endsOn),
      a.staffUserIds.length,
      a.externalNames.join('; '),
      a.outcomes,
    ]),
  ];
  return tableFile(cells, format, 'Hợp tác quốc tế', `hop-tac-quoc-te-${isoDateInVietnam(deps.now())}`);
}
