// Export of the nominations (same filters as /admin/commendations) as CSV or XLSX.
import type { Actor } from '../../lib/authz.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import { tableFile } from '../../lib/spreadsheet.server.ts';
import { type CommDeps, listNominations, type NominationListQuery } from './commendations.usecases.server.ts';

export async function exportNominations(
  deps: CommDeps,
  actor: Actor,
  q: NominationListQuery,
  format: 'csv' | 'xlsx',
) {
  const rows = await listNominations(deps, actor, q);
  const cells = [
    [
      t('vi', 'commendations.col.id'),
      t('vi', 'commendations.field.nomineeKind'),
      t('vi', 'commendations.field.nomineeName'),
      t('vi', 'commendations.field.category'),
      t('vi', 'commendations.field.title'),
      t('vi', 'commendations.field.unit'),
      t('vi', 'commendations.col.status'),
      t('vi', 'commendations.field.decisionNumber'),
      t('vi', 'commendations.field.decisionDate'),
      t('vi', 'commendations.field.level'),
    ],
    ...rows.map((n) => [
      n.id,
      t('vi', `commendations.nomineeKind.${n.nomineeKind}`),
      n.nomineeName,
      t('vi', `commendations.category.${n.category}`),
      n.title,
      n.unitName,
      t('vi', `commendations.status.${n.status}`),
      n.decisionNumber ?? '',
      n.decisionDate ? formatIsoDay(n.decisionDate) : '',
      n.level ? t('vi', `commendations.level.${n.level}`) : '',
    ]),
  ];
  return tableFile(cells, format, 'Khen thưởng', `khen-thuong-${isoDateInVietnam(deps.now())}`);
}
