// Migration 0176 rebuilds the title pairs under the text rule: a catalogue written before it (pairs from the
// search vector) ends with exactly the text rule's pairs, and deleting a record then leaves none behind, even
// for a title whose words the text-search parser splits (`1e3n`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../db/client.server.ts';
import { migrate } from '../../../db/migrate.server.ts';
import { openTestDatabase } from '../../../test/harness.ts';
import { migrateBefore } from '../../../test/migrations.ts';

const TEXT_PAIRS = 176;

describe('migration 0176: title pairs from the title text', () => {
  let dbh: DbHandle;
  let drop: () => Promise<void>;
  const pairs = async () =>
    (await dbh.query<{ pair: string }>('SELECT pair FROM catalogue_title_pairs ORDER BY pair')).map(
      (r) => r.pair,
    );

  beforeAll(async () => {
    ({ dbh, drop } = await openTestDatabase());
    await migrateBefore(dbh, TEXT_PAIRS);
  }, 180_000);
  afterAll(() => drop());

  it('rebuilds the pairs of an existing catalogue, and deletion then removes them all', async () => {
    await dbh.query(
      `INSERT INTO units (id, code, name, kind, valid_from) VALUES ('unit_pairs', 'pairs', 'Thư viện', 'library', '2020-01-01')`,
    );
    await dbh.query(
      `INSERT INTO catalogue_records (id, type, title, unit_id, published, details, source, search_title, search_extra, search_exact, title_sort)
       VALUES ('rec_a', 'book', 'Số 1e3n trang', 'unit_pairs', true, '{}', 'manual', 'so 1e3n trang', '', ' số 1e3n trang ', 'so'),
              ('rec_b', 'book', 'Văn hóa Chăm', 'unit_pairs', true, '{}', 'manual', 'van hoa cham', '', ' văn hóa chăm ', 'van')`,
    );
    // Before: the search vector's rule (the parser reads `1e3` and `n`).
    expect(await pairs()).toEqual(['1e3 n', 'hoa cham', 'n trang', 'so 1e3', 'van hoa']);
    await migrate(dbh);
    expect(await pairs()).toEqual(['1e3n trang', 'hoa cham', 'so 1e3n', 'van hoa']);
    await dbh.query(`DELETE FROM catalogue_records WHERE id IN ('rec_a', 'rec_b')`);
    expect(await pairs()).toEqual([]);
  });
});
