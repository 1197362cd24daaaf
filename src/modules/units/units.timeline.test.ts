import { describe, expect, it } from 'vitest';
import type { UnitHistoryRow, UnitRow } from './units.table.server.ts';
import { orderTree, statusOn, subtreeIds, unitAsOf } from './units.timeline.ts';

const unit = (over: Partial<UnitRow> = {}): UnitRow => ({
  id: 'unit_a',
  code: 'a',
  name: 'Tên hiện tại',
  shortName: null,
  kind: 'library',
  version: 1,
  parentId: 'unit_p2',
  validFrom: '2023-01-01',
  validTo: null,
  mergedIntoId: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});

let seq = 0;
const row = (
  over: Partial<UnitHistoryRow> & Pick<UnitHistoryRow, 'change' | 'effectiveOn'>,
): UnitHistoryRow => ({
  id: ++seq,
  unitId: 'unit_a',
  oldName: null,
  newName: null,
  oldParentId: null,
  newParentId: null,
  mergedIntoId: null,
  mergedFromId: null,
  note: null,
  recordedAt: new Date(),
  ...over,
});

describe('a unit as of a day', () => {
  const history = [
    row({ change: 'create', effectiveOn: '2023-01-01', newName: 'Tên 2023', newParentId: 'unit_p1' }),
    row({ change: 'rename', effectiveOn: '2024-03-01', oldName: 'Tên 2023', newName: 'Tên 2024' }),
    row({ change: 'move', effectiveOn: '2025-07-01', oldParentId: 'unit_p1', newParentId: 'unit_p2' }),
    row({ change: 'rename', effectiveOn: '2025-07-01', oldName: 'Tên 2024', newName: 'Tên hiện tại' }),
  ];

  it('takes the name in force on that day, the old name before the first rename', () => {
    expect(unitAsOf(unit(), history, '2023-06-30')?.name).toBe('Tên 2023');
    expect(unitAsOf(unit(), history, '2024-03-01')?.name).toBe('Tên 2024');
    expect(unitAsOf(unit(), history, '2025-06-30')?.name).toBe('Tên 2024');
    expect(unitAsOf(unit(), history, '2026-01-01')?.name).toBe('Tên hiện tại');
  });

  it('takes the parent in force on that day', () => {
    expect(unitAsOf(unit(), history, '2025-06-30')?.parentId).toBe('unit_p1');
    expect(unitAsOf(unit(), history, '2025-07-01')?.parentId).toBe('unit_p2');
  });

  it('does not exist before it starts', () => {
    expect(unitAsOf(unit(), history, '2022-12-31')).toBeNull();
  });

  it('is closed from the closing day on, and open again after a reopen', () => {
    const u = unit({ validTo: null });
    const closing = [
      ...history,
      row({ change: 'close', effectiveOn: '2026-01-01' }),
      row({ change: 'reopen', effectiveOn: '2026-03-01' }),
    ];
    expect(unitAsOf(u, closing, '2025-12-31')?.status).toBe('active');
    expect(unitAsOf(u, closing, '2026-01-01')).toMatchObject({ status: 'closed', validTo: '2026-01-01' });
    expect(unitAsOf(u, closing, '2026-03-01')).toMatchObject({ status: 'active', validTo: null });
  });

  it('shows a merge with the unit it went into', () => {
    const u = unit({ validTo: '2025-07-01', mergedIntoId: 'unit_b' });
    const merged = [...history, row({ change: 'merge', effectiveOn: '2025-07-01', mergedIntoId: 'unit_b' })];
    expect(unitAsOf(u, merged, '2025-06-30')).toMatchObject({ status: 'active', mergedIntoId: null });
    expect(unitAsOf(u, merged, '2025-07-01')).toMatchObject({ status: 'merged', mergedIntoId: 'unit_b' });
  });

  it('falls back to the current row when there is no history', () => {
    expect(unitAsOf(unit(), [], '2024-01-01')).toMatchObject({ name: 'Tên hiện tại', parentId: 'unit_p2' });
  });
});

describe('status on a day', () => {
  it('distinguishes planned, active, closed and merged', () => {
    const base = { validFrom: '2025-01-01', validTo: '2026-01-01', mergedIntoId: null };
    expect(statusOn(base, '2024-12-31')).toBe('planned');
    expect(statusOn(base, '2025-12-31')).toBe('active');
    expect(statusOn(base, '2026-01-01')).toBe('closed');
    expect(statusOn({ ...base, mergedIntoId: 'unit_b' }, '2026-01-01')).toBe('merged');
  });
});

describe('tree order', () => {
  const s = (id: string, parentId: string | null, kind: string, name: string) => ({
    id,
    code: id,
    name,
    shortName: null,
    kind,
    parentId,
    validFrom: '2023-01-01',
    validTo: null,
    mergedIntoId: null,
    status: 'active' as const,
  });

  it('lists depth-first, siblings by kind then Vietnamese name', () => {
    const tree = orderTree([
      s('lib', 'root', 'library', 'Thư viện tỉnh'),
      s('off2', 'root', 'office', 'Văn phòng Sở'),
      s('off1', 'root', 'office', 'Phòng Kế hoạch - Tài chính'),
      s('root', null, 'department', 'Sở'),
      s('mob', 'lib', 'mobile_library', 'Xe thư viện lưu động'),
      s('lead', 'root', 'leadership', 'Ban Giám đốc'),
    ]);
    expect(tree.map((e) => `${e.depth}:${e.id}`)).toEqual([
      '0:root',
      '1:lead',
      '1:off1',
      '1:off2',
      '1:lib',
      '2:mob',
    ]);
  });

  it('never loops on bad data with a cycle', () => {
    const tree = orderTree([
      s('a', 'b', 'office', 'A'),
      s('b', 'a', 'office', 'B'),
      s('r', null, 'department', 'R'),
    ]);
    expect(tree.map((e) => e.id)).toEqual(['r']);
  });

  it('finds a subtree from parent links', () => {
    const links = [
      { id: 'r', parentId: null },
      { id: 'a', parentId: 'r' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'r' },
    ];
    expect([...subtreeIds(links, 'a')].sort()).toEqual(['a', 'b']);
  });
});
