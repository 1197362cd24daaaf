// `npm run backup [-- --dir DIR] [-- --force]`: a timestamped backup of the configured database in ./backups.
// Embedded (PGlite): stop the app first. PostgreSQL (DATABASE_URL): pg_dump --format=custom, app may run.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.server.ts';
import { BackupError, backupFiles, backupPglite, backupPostgres } from '../src/ops/backup.server.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'backups' }, force: { type: 'boolean', default: false } },
});

try {
  const config = loadConfig();
  const outDir = resolve(values.dir);
  const file = config.databaseUrl
    ? backupPostgres(config.databaseUrl, outDir)
    : await backupPglite(join(config.dataDir, 'db'), outDir, { force: values.force });
  console.log(`Đã sao lưu / backup written: ${file}`);
  const files = backupFiles(config.dataDir, file);
  if (files) console.log(`Tệp tải lên / uploaded files: ${files}`);
} catch (e) {
  if (e instanceof BackupError || e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
