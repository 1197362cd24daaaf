// Start-up failures of the real server process: each ends with one clear line naming the directory (or
// database) and what to do, and a non-zero exit. Tests run as root, where chmod does not stop writes: a
// read-only directory is made with `chattr +i` (or a read-only tmpfs), a full disk with a 2 MiB tmpfs;
// each case is skipped where the machine cannot simulate it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedServerDataDir } from '../test/harness.ts';
import { freePort, type ServerProcess, startServerProcess } from '../test/server-process.ts';

const SECRET = 'startup-secret-startup-secret-startup-0123';
const cleanups: Array<() => void> = [];
const started: ServerProcess[] = [];
afterAll(() => {
  for (const s of started) s.kill();
  for (const c of cleanups.reverse()) c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suotdoi-startup-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/** `chattr +i` where the file system supports it; undefined otherwise. */
function immutableDir(): string | undefined {
  const dir = tempDir();
  if (!run('chattr', ['+i', dir])) return undefined;
  cleanups.push(() => run('chattr', ['-i', dir]));
  return dir;
}

function tmpfs(options: string): string | undefined {
  const dir = tempDir();
  if (!run('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])) return undefined;
  cleanups.push(() => run('umount', [dir]));
  return dir;
}

/** Starts the server, waits for it to end, and returns its exit code and what it printed to stderr. */
async function failedStart(env: Record<string, string>) {
  const s = startServerProcess(env, await freePort());
  started.push(s);
  const code = await s.exited;
  const stderr = s.stderr().trim();
  return { code, stderr, lines: stderr.split('\n').filter((l) => l.trim()) };
}

function expectOneClearLine(r: { code: number | string; lines: string[]; stderr: string }) {
  expect(r.code).toBe(1);
  expect(r.lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/ErrnoError|\n\s+at |PGlite failed/);
}

describe.skipIf(process.env.TEST_DB_KIND === 'postgres')('start-up failures in one clear line', () => {
  it('names a read-only data directory and what to do', async () => {
    const dir = immutableDir() ?? tmpfs('ro,size=1m');
    if (!dir) return; // neither chattr nor mount available here: covered by startup-errors.test.ts
    const r = await failedStart({ DATA_DIR: dir });
    expectOneClearLine(r);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toMatch(/chỉ đọc.*read-only/);
  });

  it('names a read-only database directory inside an existing data directory', async () => {
    const data = tempDir();
    mkdirSync(join(data, 'db'));
    if (!run('chattr', ['+i', join(data, 'db')])) return;
    cleanups.push(() => run('chattr', ['-i', join(data, 'db')]));
    const r = await failedStart({ DATA_DIR: data, SESSION_SECRET: SECRET });
    expectOneClearLine(r);
    expect(r.stderr).toContain(join(data, 'db'));
    expect(r.stderr).toMatch(/read-only/);
  });

  it('says the disk is full when the database cannot be created for lack of space', async () => {
    const dir = tmpfs('size=2m');
    if (!dir) return; // mount not permitted here: the errno mapping is unit-tested
    const r = await failedStart({ DATA_DIR: dir, SESSION_SECRET: SECRET });
    expectOneClearLine(r);
    expect(r.stderr).toContain(join(dir, 'db'));
    expect(r.stderr).toMatch(/Hết chỗ trống.*no space left/);
  }, 60_000);

  it('says a file stands where the data directory should be', async () => {
    const file = join(tempDir(), 'data');
    writeFileSync(file, 'not a directory');
    const r = await failedStart({ DATA_DIR: file, SESSION_SECRET: SECRET });
    expectOneClearLine(r);
    expect(r.stderr).toMatch(/not a directory/);
  });

  it('refuses a second server on a data directory another running server uses', async () => {
    const dir = tempDir();
    seedServerDataDir(dir); // the first server need not migrate and seed: this test is about the second
    const first = startServerProcess({ DATA_DIR: dir }, await freePort());
    started.push(first);
    await first.waitFor(/is running at/, 90_000);
    const r = await failedStart({ DATA_DIR: dir });
    expectOneClearLine(r);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toContain(`process ${first.child.pid}`);
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 120_000);

  it('names the PostgreSQL server it cannot reach (connection refused)', async () => {
    const port = await freePort();
    const r = await failedStart({
      DATABASE_URL: `postgres://suotdoi:secret-password@127.0.0.1:${port}/suotdoi`,
      SESSION_SECRET: SECRET,
    });
    expectOneClearLine(r);
    expect(r.stderr).toContain(`127.0.0.1:${port}/suotdoi`);
    expect(r.stderr).toMatch(/cannot reach PostgreSQL/);
    expect(r.stderr).not.toContain('secret-password');
  }, 60_000);
});
