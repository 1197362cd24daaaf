// Demo circulation (demo mode, first start): the provincial library's first 40 demo holdings become lendable
// copies with labels TV000001…TV000040 (the first ten on board the library's first mobile-library route, if
// any), and the library lends on its default rules. Demo accounts and readers are created at the desk.
import type { AppDeps } from '../../app/deps.types.ts';
import { ANONYMOUS } from '../../lib/authz.ts';
import { catalogueHoldingsPort } from '../catalogue/index.server.ts';
import { mobileRoutesOfUnits } from '../places/index.server.ts';
import { newId } from './circulation.ids.server.ts';

export async function seedDemoCirculation(deps: AppDeps): Promise<void> {
  const unit = await deps.repos.units.byCode(deps.db, 'thu-vien-tinh');
  if (!unit) return;
  const holdings = await catalogueHoldingsPort.ofUnits(deps.db, [unit.id], '', 40);
  const route = (await mobileRoutesOfUnits(deps, deps.db, [unit.id]))[0] ?? null;
  await deps.db.transaction(async (tx) => {
    let n = 0;
    for (const h of holdings) {
      n++;
      const barcode = `TV${String(n).padStart(6, '0')}`;
      if (await deps.repos.circulation.itemByBarcode(tx, barcode)) continue;
      const onBoard = route && n <= 10 ? route.id : null;
      await deps.repos.circulation.insertItem(tx, {
        id: newId('itm'),
        holdingId: h.id,
        recordId: h.recordId,
        unitId: unit.id,
        barcode,
        itemKind: 'book',
        homePlaceId: null,
        homeRouteId: onBoard,
      });
    }
    await deps.audit.record(tx, ANONYMOUS, {
      action: 'circulation.demo.seed',
      entityType: 'circulation_item',
      unitId: unit.id,
      after: { copies: holdings.length },
    });
  });
}
