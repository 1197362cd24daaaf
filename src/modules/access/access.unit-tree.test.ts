import { describe, expect, it } from 'vitest';
import { treeOrder } from './access.grants.server.ts';
import { buildUnitTree } from './access.unit-tree.ts';

const links = [
  { id: 'so', parentId: null },
  { id: 'tv', parentId: 'so' },
  { id: 'tv-luu-dong', parentId: 'tv' },
  { id: 'bt', parentId: 'so' },
];

describe('unit tree', () => {
  const tree = buildUnitTree(links);

  it('puts a unit in its own subtree and in every ancestor’s', () => {
    expect(tree.inSubtree('tv-luu-dong', 'tv-luu-dong')).toBe(true);
    expect(tree.inSubtree('tv', 'tv-luu-dong')).toBe(true);
    expect(tree.inSubtree('so', 'tv-luu-dong')).toBe(true);
  });

  it('keeps siblings, descendants-as-roots and unknown units apart', () => {
    expect(tree.inSubtree('bt', 'tv-luu-dong')).toBe(false);
    expect(tree.inSubtree('tv-luu-dong', 'tv')).toBe(false);
    expect(tree.inSubtree('so', 'unknown')).toBe(false);
    expect(tree.inSubtree('unknown', 'unknown')).toBe(false);
  });

  it('lists a subtree and the roots', () => {
    expect(tree.subtree('tv').sort()).toEqual(['tv', 'tv-luu-dong']);
    expect(tree.subtree('nope')).toEqual([]);
    expect(tree.roots()).toEqual(['so']);
  });

  it('survives a cycle in bad data', () => {
    const cyclic = buildUnitTree([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(cyclic.inSubtree('x', 'a')).toBe(false);
    expect(cyclic.subtree('a').sort()).toEqual(['a', 'b']);
  });

  it('orders units depth-first with Vietnamese collation', () => {
    const ordered = treeOrder([
      { id: 'so', code: 'so', name: 'Sở', parentId: null },
      { id: 'tv', code: 'tv', name: 'Thư viện tỉnh', parentId: 'so' },
      { id: 'bt', code: 'bt', name: 'Bảo tàng tỉnh', parentId: 'so' },
      { id: 'dd', code: 'dd', name: 'Đội chiếu phim', parentId: 'so' },
      { id: 'ld', code: 'ld', name: 'Thư viện lưu động', parentId: 'tv' },
    ]);
    expect(ordered.map((u) => `${u.depth}:${u.id}`)).toEqual(['0:so', '1:bt', '1:dd', '1:tv', '2:ld']);
  });
});
