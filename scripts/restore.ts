// `node scripts/restore.ts backups/suotdoi-….tar.gz [--force]`: loads an embedded (PGlite) backup into
// DATA_DIR/db. The app must be stopped; an existing database is moved aside, never deleted.
// PostgreSQL backups are restored with pg_restore (docs/operations.md).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.server.ts';
import { BackupError, restoreFiles, restorePglite } from '../src/ops/backup.server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
});

try {
  const tarball = positionals[0];
  if (!tarball) throw new BackupError('Cách dùng / usage: node scripts/restore.ts <backup.tar.gz> [--force]');
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new BackupError(
      'DATABASE_URL is set: restore a PostgreSQL backup with pg_restore (see docs/operations.md).',
    );
  }
  const dbDir = join(config.dataDir, 'db');
  const { movedAside } = await restorePglite(tarball, dbDir, { force: values.force });
  if (movedAside)
    console.log(`Cơ sở dữ liệu cũ được chuyển sang / previous database moved to: ${movedAside}`);
  console.log(`Đã khôi phục / restored ${tarball} into ${dbDir}`);
  const files = restoreFiles(config.dataDir, tarball);
  if (files.restored)
    console.log(`Tệp tải lên đã khôi phục / uploaded files restored into ${config.dataDir}/files`);
} catch (e) {
  if (e instanceof BackupError || e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
