// Reference units: the Department and its offices and provincial institutions, with stable codes other
// modules refer to (the plan links its tasks to them). Idempotent: runs on every start and adds only what is
// missing; an administrator's later renames or moves are never undone.
import type { AppDeps } from '../../app/deps.types.ts';
import { invalidateUnitTree } from '../access/access.unit-tree.ts';
import type { UnitKind } from './units.kinds.ts';

export const ROOT_UNIT_CODE = 'so-vhttdl';
export const FOCAL_UNIT_CODE = 'phong-qlvhgd';
export const FINANCE_UNIT_CODE = 'phong-khtc';

/** The system's records start with the 2023 plan. */
const SEED_VALID_FROM = '2023-01-01';

export const ROOT_NAME_2023 = 'Sở Văn hóa và Thể thao tỉnh Khánh Hòa';
export const ROOT_NAME_2025 = 'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa';
export const ROOT_RENAMED_ON = '2025-07-01';
const ROOT_RENAME_NOTE =
  'Tỉnh Khánh Hòa và tỉnh Ninh Thuận hợp nhất thành tỉnh Khánh Hòa từ ngày 01/7/2025; ' +
  'Sở hợp nhất với sở tương ứng của tỉnh Ninh Thuận và mang tên Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa.';

interface SeedChild {
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
}

export const SEED_CHILDREN: readonly SeedChild[] = [
  { code: 'ban-giam-doc', name: 'Ban Giám đốc', shortName: null, kind: 'leadership' },
  {
    code: FOCAL_UNIT_CODE,
    name: 'Phòng Quản lý Văn hóa và Gia đình',
    shortName: 'Phòng QLVH&GĐ',
    kind: 'office',
  },
  { code: FINANCE_UNIT_CODE, name: 'Phòng Kế hoạch - Tài chính', shortName: 'Phòng KH-TC', kind: 'office' },
  { code: 'van-phong-so', name: 'Văn phòng Sở', shortName: null, kind: 'office' },
  { code: 'thu-vien-tinh', name: 'Thư viện tỉnh', shortName: null, kind: 'library' },
  { code: 'bao-tang-tinh', name: 'Bảo tàng tỉnh', shortName: null, kind: 'museum' },
  {
    code: 'ttvh-dien-anh',
    name: 'Trung tâm Văn hóa - Điện ảnh tỉnh',
    shortName: null,
    kind: 'cultural_centre',
  },
];

export async function seedUnits(deps: Pick<AppDeps, 'db' | 'dbh' | 'repos'>): Promise<{ created: string[] }> {
  const repo = deps.repos.units;
  const created: string[] = [];
  await deps.db.transaction(async (tx) => {
    await repo.lockTree(tx);
    let root = await repo.byCode(tx, ROOT_UNIT_CODE);
    if (!root) {
      root = await repo.insert(tx, {
        code: ROOT_UNIT_CODE,
        name: ROOT_NAME_2023,
        kind: 'department',
        parentId: null,
        validFrom: SEED_VALID_FROM,
      });
      created.push(ROOT_UNIT_CODE);
    }
    // The 2025 rename is applied once, and only to a Department that was never renamed by anyone else.
    const renamed = (await repo.history(tx, root.id)).some((h) => h.change === 'rename');
    if (!renamed && root.name === ROOT_NAME_2023) {
      await repo.update(tx, root.id, { name: ROOT_NAME_2025 });
      await repo.appendHistory(tx, {
        unitId: root.id,
        change: 'rename',
        effectiveOn: ROOT_RENAMED_ON,
        oldName: ROOT_NAME_2023,
        newName: ROOT_NAME_2025,
        note: ROOT_RENAME_NOTE,
      });
    }
    for (const child of SEED_CHILDREN) {
      if (await repo.byCode(tx, child.code)) continue;
      await repo.insert(tx, { ...child, parentId: root.id, validFrom: SEED_VALID_FROM });
      created.push(child.code);
    }
  });
  await deps.repos.settings.setDefault('units.root_code', ROOT_UNIT_CODE);
  await deps.repos.settings.setDefault('plan.focal_unit_code', FOCAL_UNIT_CODE);
  await deps.repos.settings.setDefault('plan.finance_unit_code', FINANCE_UNIT_CODE);
  if (created.length > 0) invalidateUnitTree(deps);
  return { created };
}
