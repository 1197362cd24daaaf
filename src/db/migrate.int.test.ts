import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import type { DbHandle } from './client.server.ts';
import { listMigrations, migrate, migrationsCurrent } from './migrate.server.ts';

describe('migrations', () => {
  let dbh: DbHandle;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ dbh, drop } = await openTestDatabase());
  });
  afterAll(() => drop());

  it('apply cleanly on a fresh database, then report nothing pending', async () => {
    expect(await migrationsCurrent(dbh).catch(() => false)).toBe(false);
    const applied = await migrate(dbh);
    expect(applied).toEqual(listMigrations().map((m) => m.name));
    expect(await migrationsCurrent(dbh)).toBe(true);
    expect(await migrate(dbh)).toEqual([]);
  });

  it('fold Vietnamese text in SQL exactly as in TypeScript', async () => {
    const rows = await dbh.query<{ f: string }>('SELECT vn_fold($1) AS f', [
      '  ĐÀ Lạt  Khánh Hoà '.normalize('NFD'),
    ]);
    expect(rows[0]?.f).toBe('da lat khanh hoa');
  });

  it('refuse to update or delete audit entries', async () => {
    await dbh.query(
      "INSERT INTO audit_log (id, action, entity_type) VALUES ('aud_aaaaaaaaaaaaaaaa', 'test.write', 'test')",
    );
    await expect(dbh.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(dbh.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
