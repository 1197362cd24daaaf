// The embedded data directory, checked before PGlite touches it: it must be a writable directory, and only
// one server may use it at a time (PGlite itself does not lock it: two processes on one directory would
// corrupt the database).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { dataDirProblem, StartupError } from './startup-errors.server.ts';

function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Creates `dir` if needed and proves it can be written (a probe file is written, synced and removed). */
export function checkWritableDir(dir: string): void {
  const probe = join(dir, `.write-test-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, 'wx');
    try {
      writeSync(fd, 'ok');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(probe);
  } catch (e) {
    const line = dataDirProblem(dir, errnoOf(e) === 'ENOENT' ? 'EROFS' : errnoOf(e));
    throw line ? new StartupError(line) : e;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
};

/**
 * Takes `dir/server.lock` for this process (removed on exit). A lock left by a process that no longer runs
 * (a crash, kill -9) is taken over; one held by a running server on this machine stops the start.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'server.lock');
  const me = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(file, 'utf8') === JSON.stringify(me)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') {
        const line = dataDirProblem(dir, errnoOf(e));
        throw line ? new StartupError(line) : e;
      }
    }
    let holder: { pid?: unknown; host?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
    } catch {
      // unreadable or half-written: treated as stale
    }
    const pid = typeof holder.pid === 'number' ? holder.pid : 0;
    if (holder.host === me.host && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new StartupError(
        `Thư mục dữ liệu ${dir} đang được một máy chủ Suốt Đời khác dùng (tiến trình ${pid}): dừng tiến trình đó trước, hoặc đặt DATA_DIR khác (data directory ${dir} is in use by another Suốt Đời server, process ${pid}: stop it first or set another DATA_DIR).`,
      );
    }
    try {
      unlinkSync(file); // stale: its process has ended
    } catch {
      // another starter removed it first; try again
    }
  }
  throw new StartupError(
    `Không lấy được khóa ${file} (could not lock ${file}): xóa tệp này nếu chắc chắn không có máy chủ nào đang chạy (remove it if no server is running).`,
  );
}
