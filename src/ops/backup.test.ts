// A PGlite database backed up and restored elsewhere holds the same rows; refusals protect live data.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupFileName,
  backupFiles,
  backupPglite,
  restoreFiles,
  restorePglite,
} from './backup.server.ts';

const root = mkdtempSync(join(tmpdir(), 'suotdoi-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rowsOf = async (dir: string) => {
  const db = new PGlite(dir);
  try {
    return (await db.query<{ id: number; name: string }>('SELECT id, name FROM places ORDER BY id')).rows;
  } finally {
    await db.close();
  }
};

describe('PGlite backup and restore', () => {
  it('restores the same rows from a backup into a new data directory', { timeout: 60_000 }, async () => {
    const source = join(root, 'source-db');
    const db = new PGlite(source);
    await db.exec(`CREATE TABLE places (id int PRIMARY KEY, name text NOT NULL);
      INSERT INTO places VALUES (1, 'Thư viện tỉnh Khánh Hòa'), (2, 'Bảo tàng tỉnh'), (3, 'Điểm bưu điện – văn hóa xã');`);
    await db.close();

    const outDir = join(root, 'backups');
    const file = await backupPglite(source, outDir);
    expect(file).toMatch(/suotdoi-\d{8}-\d{4}\.tar\.gz$/);
    expect(readdirSync(outDir)).toHaveLength(1);

    const target = join(root, 'restored-db');
    await restorePglite(file, target);
    expect(await rowsOf(target)).toEqual(await rowsOf(source));
    expect(await rowsOf(target)).toHaveLength(3);

    // Restoring over a database needs --force and keeps the old one aside.
    await expect(restorePglite(file, target)).rejects.toBeInstanceOf(BackupError);
    const { movedAside } = await restorePglite(file, target, { force: true });
    expect(movedAside).toMatch(/restored-db\.before-restore-\d+$/);
    expect(await rowsOf(target)).toHaveLength(3);
  });

  it('refuses to back up a database that is open (or was not shut down cleanly) without --force', async () => {
    const busy = join(root, 'busy-db');
    const db = new PGlite(busy);
    await db.waitReady;
    try {
      await expect(backupPglite(busy, join(root, 'never'))).rejects.toThrow(/stop it, then back up/);
    } finally {
      await db.close();
    }
  }, 30_000); // opening PGlite takes seconds on a busy machine

  it('refuses a directory that holds no database', async () => {
    await expect(backupPglite(join(root, 'nothing-here'), join(root, 'never'))).rejects.toBeInstanceOf(
      BackupError,
    );
  });

  it('never overwrites a backup taken in the same minute', () => {
    const dir = mkdtempSync(join(root, 'names-'));
    const at = new Date(2026, 0, 2, 3, 4);
    const first = backupFileName(dir, '.tar.gz', at);
    expect(first).toMatch(/suotdoi-20260102-0304\.tar\.gz$/);
    writeFileSync(first, '');
    expect(backupFileName(dir, '.tar.gz', at)).toMatch(/suotdoi-20260102-0304-2\.tar\.gz$/);
  });
});

describe('uploaded files in backups', () => {
  it('archives DATA_DIR/files beside the database backup and restores it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suotdoi-files-'));
    mkdirSync(join(dataDir, 'files', 'ab', 'file_x'), { recursive: true });
    writeFileSync(join(dataDir, 'files', 'ab', 'file_x', 'original.pdf'), '%PDF-1.4 test');
    const backup = join(dataDir, 'suotdoi-20261127-2300.tar.gz');
    const archive = backupFiles(dataDir, backup);
    expect(archive).toBe(join(dataDir, 'suotdoi-20261127-2300-files.tar.gz'));
    writeFileSync(join(dataDir, 'files', 'ab', 'file_x', 'original.pdf'), 'changed');
    const result = restoreFiles(dataDir, backup);
    expect(result.restored).toBe(true);
    expect(readFileSync(join(dataDir, 'files', 'ab', 'file_x', 'original.pdf'), 'utf8')).toBe(
      '%PDF-1.4 test',
    );
    expect(result.movedAside && existsSync(result.movedAside)).toBe(true);
  });

  it('writes nothing when no file was ever uploaded', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suotdoi-nofiles-'));
    expect(backupFiles(dataDir, join(dataDir, 'x.dump'))).toBeNull();
    expect(restoreFiles(dataDir, join(dataDir, 'x.dump')).restored).toBe(false);
  });
});
