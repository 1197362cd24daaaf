// The one outbound allow-list (migration 0155): both lists the features kept before are carried over row for
// row, each purpose reads and edits only its own entries, and each keeps the rules its table had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.server.ts';
import { migrate } from '../../db/migrate.server.ts';
import { openTestDatabase } from '../../test/harness.ts';
import { migrateBefore } from '../../test/migrations.ts';
import { outboundAllowList } from './index.server.ts';
import { createOutboundRepository } from './outbound.repository.server.ts';

const MERGE = 155;

describe('one outbound allow-list', () => {
  let dbh: DbHandle;
  let drop: () => Promise<void>;
  const deps = { repos: { outbound: createOutboundRepository() } } as unknown as Parameters<
    typeof outboundAllowList.hosts
  >[0];

  beforeAll(async () => {
    ({ dbh, drop } = await openTestDatabase());
    // Migrate up to the merge only, as a deployment made before it was.
    await migrateBefore(dbh, MERGE);
  }, 180_000);
  afterAll(() => drop());

  it('carries both lists over row for row and drops the two tables', async () => {
    await dbh.query(
      `INSERT INTO catalogue_fetch_allowlist (pattern, note, created_by, created_at) VALUES
         ('opac.example.vn', 'Thư viện tỉnh bạn', 'usr_a', '2026-01-02T03:04:05Z'),
         ('*.lib.example.vn', NULL, NULL, '2026-02-03T04:05:06Z'),
         ('shared.example.vn', NULL, 'usr_a', '2026-03-01T00:00:00Z')`,
    );
    await dbh.query(
      `INSERT INTO calendar_allowed_hosts (pattern, note, added_by, created_at) VALUES
         ('lich.example.vn', 'Lịch văn hóa', 'usr_b', '2026-04-05T06:07:08Z'),
         ('shared.example.vn', '', NULL, '2026-05-01T00:00:00Z')`,
    );
    await migrate(dbh);

    const db = dbh.db;
    expect(await outboundAllowList.hosts(deps, db, 'harvest')).toEqual([
      { pattern: '*.lib.example.vn', note: null, createdAt: new Date('2026-02-03T04:05:06Z') },
      { pattern: 'opac.example.vn', note: 'Thư viện tỉnh bạn', createdAt: new Date('2026-01-02T03:04:05Z') },
      { pattern: 'shared.example.vn', note: null, createdAt: new Date('2026-03-01T00:00:00Z') },
    ]);
    expect(await outboundAllowList.hosts(deps, db, 'calendar')).toEqual([
      { pattern: 'lich.example.vn', note: 'Lịch văn hóa', createdAt: new Date('2026-04-05T06:07:08Z') },
      { pattern: 'shared.example.vn', note: '', createdAt: new Date('2026-05-01T00:00:00Z') },
    ]);
    const by = await dbh.query<{ purpose: string; pattern: string; created_by: string | null }>(
      'SELECT purpose, pattern, created_by FROM outbound_allowed_hosts ORDER BY purpose, pattern',
    );
    expect(by.filter((r) => r.created_by).map((r) => `${r.purpose}:${r.pattern}:${r.created_by}`)).toEqual([
      'calendar:lich.example.vn:usr_b',
      'harvest:opac.example.vn:usr_a',
      'harvest:shared.example.vn:usr_a',
    ]);
    const left = await dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables
       WHERE table_name IN ('catalogue_fetch_allowlist', 'calendar_allowed_hosts')`,
    );
    expect(left[0]?.n).toBe(0);
  });

  it('keeps each purpose to its own entries and rules', async () => {
    const db = dbh.db;
    expect(await outboundAllowList.allows(deps, db, 'calendar', 'https://opac.example.vn/oai')).toBe(false);
    expect(await outboundAllowList.allows(deps, db, 'harvest', 'https://opac.example.vn/oai')).toBe(true);
    expect(await outboundAllowList.allows(deps, db, 'harvest', 'https://x.lib.example.vn/oai')).toBe(true);
    expect(await outboundAllowList.add(deps, db, 'calendar', 'opac.example.vn', null, 'usr_c')).toBe(true);
    expect(await outboundAllowList.add(deps, db, 'calendar', 'opac.example.vn', null, 'usr_c')).toBe(false);
    expect(await outboundAllowList.allows(deps, db, 'calendar', 'https://opac.example.vn/ics')).toBe(true);
    // A calendar entry always has a note ('' when none was given); a harvest entry may have none.
    expect(
      (await outboundAllowList.hosts(deps, db, 'calendar')).find((h) => h.pattern === 'opac.example.vn'),
    ).toMatchObject({ note: '' });
    expect(await outboundAllowList.remove(deps, db, 'calendar', 'opac.example.vn')).toBe(true);
    expect(await outboundAllowList.remove(deps, db, 'calendar', 'opac.example.vn')).toBe(false);
    expect(await outboundAllowList.allows(deps, db, 'harvest', 'https://opac.example.vn/oai')).toBe(true);
    // The harvest list keeps its pattern syntax and its note length.
    await expect(outboundAllowList.add(deps, db, 'harvest', 'Not A Host!', null, null)).rejects.toThrow();
    await expect(
      outboundAllowList.add(deps, db, 'harvest', 'ok.example.vn', 'x'.repeat(301), null),
    ).rejects.toThrow();
  });
});
