// Backups. Embedded mode: PGlite's own dump of its data directory (a gzip tarball that PGlite loads back with
// `loadDataDir`), taken while the app is stopped because PGlite is single-process. PostgreSQL mode: pg_dump in
// its custom format, restored with pg_restore. Both land in ./backups with a timestamped name.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export class BackupError extends Error {}

/** `suotdoi-YYYYMMDD-HHmm<ext>` in local time, with `-2`, `-3`… when that minute already has one. */
export function backupFileName(dir: string, ext: string, at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}`;
  let name = `suotdoi-${stamp}${ext}`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `suotdoi-${stamp}-${i}${ext}`;
  return join(dir, name);
}

/** PGlite leaves postmaster.pid while a process has the directory open (and after a crash). */
export function pgliteInUse(dbDir: string): boolean {
  return existsSync(join(dbDir, 'postmaster.pid'));
}

export async function backupPglite(
  dbDir: string,
  outDir: string,
  opts: { force?: boolean } = {},
): Promise<string> {
  if (!existsSync(join(dbDir, 'PG_VERSION'))) {
    throw new BackupError(`Không có cơ sở dữ liệu tại / no database at ${dbDir}`);
  }
  if (pgliteInUse(dbDir) && !opts.force) {
    throw new BackupError(
      'Ứng dụng có vẻ đang chạy: hãy dừng ứng dụng rồi sao lưu (the app seems to be running: stop it, then back up). ' +
        `If it is stopped and crashed earlier, run again with --force (${join(dbDir, 'postmaster.pid')} exists).`,
    );
  }
  const db = new PGlite(dbDir);
  try {
    await db.waitReady;
    const dump = await db.dumpDataDir('gzip');
    mkdirSync(outDir, { recursive: true });
    const file = backupFileName(outDir, '.tar.gz');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    return file;
  } finally {
    await db.close();
  }
}

/**
 * Loads a PGlite tarball into `dbDir`. An existing database is moved aside (`db.before-restore-…`), never
 * deleted, and only when `force` is given.
 */
export async function restorePglite(
  tarball: string,
  dbDir: string,
  opts: { force?: boolean } = {},
): Promise<{ movedAside?: string }> {
  if (!existsSync(tarball)) throw new BackupError(`Không thấy tệp / file not found: ${tarball}`);
  let movedAside: string | undefined;
  if (existsSync(dbDir) && readdirSync(dbDir).length > 0) {
    if (!opts.force) {
      throw new BackupError(
        `${dbDir} đã có dữ liệu (already holds a database). Stop the app and run again with --force: ` +
          'the current database is moved aside, not deleted.',
      );
    }
    if (pgliteInUse(dbDir)) {
      throw new BackupError(`${dbDir} đang được dùng (is in use): stop the app first.`);
    }
    movedAside = `${dbDir}.before-restore-${Date.now()}`;
    renameSync(dbDir, movedAside);
  }
  mkdirSync(dbDir, { recursive: true });
  const blob = new Blob([readFileSync(tarball)], { type: 'application/x-gzip' });
  const db = new PGlite({ dataDir: dbDir, loadDataDir: blob });
  try {
    await db.waitReady;
    await db.query('SELECT 1');
  } finally {
    await db.close();
  }
  return movedAside ? { movedAside } : {};
}

export function backupPostgres(databaseUrl: string, outDir: string): string {
  const probe = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new BackupError(
      'Không tìm thấy pg_dump (pg_dump not found): install the PostgreSQL client tools matching your server ' +
        '(Debian: apt-get install postgresql-client), then run again.',
    );
  }
  mkdirSync(outDir, { recursive: true });
  const file = backupFileName(outDir, '.dump');
  const run = spawnSync(
    'pg_dump',
    ['--format=custom', '--no-owner', `--file=${file}`, '--dbname', databaseUrl],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  if (run.status !== 0) throw new BackupError(`pg_dump thất bại (failed): ${run.stderr.trim()}`);
  return file;
}

/** The uploaded files' archive that goes with a database backup: `<backup>-files.tar.gz`. */
export function filesArchiveFor(backupFile: string): string {
  return backupFile.replace(/(\.tar\.gz|\.dump)$/, '') + '-files.tar.gz';
}

/**
 * Archives DATA_DIR/files (uploaded evidence, images) next to a database backup, with the system `tar`.
 * Returns the archive's path, or null when nothing was ever uploaded.
 */
export function backupFiles(dataDir: string, backupFile: string): string | null {
  if (!existsSync(join(dataDir, 'files'))) return null;
  const out = filesArchiveFor(backupFile);
  const run = spawnSync('tar', ['-czf', out, '-C', dataDir, 'files'], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (run.status !== 0) throw new BackupError(`tar thất bại (failed): ${run.stderr.trim()}`);
  return out;
}

/** Restores the files archive of a backup when there is one; existing files are moved aside, not deleted. */
export function restoreFiles(
  dataDir: string,
  backupFile: string,
): { restored: boolean; movedAside?: string } {
  const archive = filesArchiveFor(backupFile);
  if (!existsSync(archive)) return { restored: false };
  const dir = join(dataDir, 'files');
  let movedAside: string | undefined;
  if (existsSync(dir)) {
    movedAside = `${dir}.before-restore-${Date.now()}`;
    renameSync(dir, movedAside);
  }
  mkdirSync(dataDir, { recursive: true });
  const run = spawnSync('tar', ['-xzf', archive, '-C', dataDir, '--no-same-owner', 'files'], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (run.status !== 0) throw new BackupError(`tar thất bại (failed): ${run.stderr.trim()}`);
  return movedAside ? { restored: true, movedAside } : { restored: true };
}
