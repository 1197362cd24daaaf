// Start-up failures in one clear line (Vietnamese, then English): which directory, port or database, what
// is wrong, what to do. Raw errors of Node, pg and PGlite (whose Emscripten file system throws
// `ErrnoError { errno: 51 }`) are mapped here; anything unknown still gets one line with its message.
import { isDatabaseUnavailable } from '../lib/db-unavailable.ts';

/** A failure already described for the operator: its message is the line to print. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface StartupContext {
  /** The embedded database directory (DATA_DIR/db), when embedded. */
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
}

/** Emscripten errno numbers (PGlite's file system) → the POSIX names Node uses. */
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'EACCES',
  19: 'EDQUOT',
  20: 'EEXIST',
  29: 'EIO',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
};

function errnoName(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const { code, errno, name } = e as { code?: unknown; errno?: unknown; name?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  if (name === 'ErrnoError' && typeof errno === 'number') return EMSCRIPTEN_ERRNO[errno] ?? `errno ${errno}`;
  return undefined;
}

/** The line for a problem with the data directory, from an errno name; undefined when not a directory problem. */
export function dataDirProblem(dir: string, errno: string | undefined): string | undefined {
  switch (errno) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return `Thư mục dữ liệu ${dir} chỉ đọc hoặc không có quyền ghi: cấp quyền ghi cho người dùng chạy máy chủ hoặc đặt DATA_DIR sang thư mục khác (data directory ${dir} is read-only or not writable: give the server's user write access or point DATA_DIR elsewhere).`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Hết chỗ trống trên đĩa chứa thư mục dữ liệu ${dir}: giải phóng dung lượng hoặc đặt DATA_DIR sang ổ khác (no space left on the disk of data directory ${dir}: free some space or point DATA_DIR to another disk).`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `${dir} không phải là thư mục (đang có một tệp cùng tên): đổi tên tệp đó hoặc đặt DATA_DIR khác (${dir} is not a directory — a file has that name: rename it or set another DATA_DIR).`;
    case 'EIO':
      return `Lỗi đọc/ghi đĩa ở thư mục dữ liệu ${dir}: kiểm tra ổ đĩa (input/output error in data directory ${dir}: check the disk).`;
    default:
      return undefined;
  }
}

function databaseTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** One line saying what went wrong at start and what to do. */
export function describeStartupError(err: unknown, ctx: StartupContext = {}): string {
  if (err instanceof StartupError) return err.message;
  const errno = errnoName(err);
  const syscall = (err as { syscall?: unknown })?.syscall;
  const where = `${ctx.host ?? '0.0.0.0'}:${ctx.port ?? ''}`;
  if (errno === 'EADDRINUSE')
    return `Cổng ${where} đang được một chương trình khác dùng: dừng chương trình đó hoặc đặt PORT khác (port ${where} is already in use: stop the other program or set another PORT).`;
  if (syscall === 'listen' && (errno === 'EACCES' || errno === 'EPERM'))
    return `Không được phép mở cổng ${where}: dùng cổng từ 1024 trở lên hoặc đặt sau reverse proxy (not allowed to listen on ${where}: use a port ≥ 1024 or run behind a reverse proxy).`;
  if (ctx.databaseUrl) {
    const target = databaseTarget(ctx.databaseUrl);
    const code = (err as { code?: unknown })?.code;
    if (code === '28P01' || code === '28000')
      return `PostgreSQL tại ${target} từ chối đăng nhập: kiểm tra tên người dùng và mật khẩu trong DATABASE_URL (PostgreSQL at ${target} rejected the login: check the user and password in DATABASE_URL).`;
    if (code === '3D000')
      return `Cơ sở dữ liệu ${target} không tồn tại: tạo nó (createdb) hoặc sửa DATABASE_URL (database ${target} does not exist: create it or fix DATABASE_URL).`;
    if (isDatabaseUnavailable(err) || errno === 'ENOTFOUND' || errno === 'EAI_AGAIN')
      return `Không kết nối được PostgreSQL tại ${target} (${errno ?? (err as Error).message}): kiểm tra máy chủ PostgreSQL đang chạy và DATABASE_URL đúng (cannot reach PostgreSQL at ${target}: check that the server is running and DATABASE_URL is right).`;
  }
  if (ctx.dataDir) {
    const line = dataDirProblem(ctx.dataDir, errno);
    if (line) return line;
    if (err instanceof Error && /PGlite failed to initialize/i.test(err.message))
      return `Không mở được cơ sở dữ liệu nhúng trong ${ctx.dataDir}: thư mục có thể chỉ đọc, đầy hoặc hỏng; kiểm tra quyền ghi và dung lượng, hoặc khôi phục từ bản sao lưu (cannot open the embedded database in ${ctx.dataDir}: the directory may be read-only, full or damaged; check write access and free space, or restore a backup).`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `Không khởi động được (could not start): ${message.split('\n')[0]}`;
}
