// A database migrated as a deployment made before migration `version` was: for tests of what that migration
// does to existing data. Apply the rest with `migrate(dbh)`.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '../db/client.server.ts';
import { listMigrations, MIGRATIONS_DIR, migrate } from '../db/migrate.server.ts';

export async function migrateBefore(dbh: DbHandle, version: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `migrations-before-${version}-`));
  try {
    for (const m of listMigrations().filter((m) => m.version < version))
      copyFileSync(join(MIGRATIONS_DIR, `${m.name}.sql`), join(dir, `${m.name}.sql`));
    await migrate(dbh, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
