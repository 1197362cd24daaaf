// The one way a page receives an uploaded file: stream it to a temporary file under DATA_DIR/files/tmp within
// a byte limit (saveMultipartUpload), hand the path to the caller's use case, and remove the temporary file
// afterwards, always — on success, on an error the use case throws, on an oversized, malformed or aborted
// upload. A use case that keeps the bytes moves them away first (the files module renames the temporary file
// into place), so the removal is then a no-op.
//
// Every failure is thrown: an AppError for what the user can fix (413 `error.tooLarge` over the limit, 400 for
// a malformed body, 422 when no file was chosen or it is empty), and the use case's own errors unchanged. The
// page turns them into its form's messages as it does for any other action.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from './errors.ts';
import type { MessageKey } from './i18n.ts';
import { saveMultipartUpload } from './multipart.server.ts';

export interface ReceivedUpload {
  /** The temporary file; gone once the callback has returned or thrown. */
  path: string;
  /** The file's base name as sent (a path-like name reduced to its last part). */
  fileName: string;
  /** The name exactly as sent, for a use case that refuses path-like names rather than repairing them. */
  rawName: string;
  size: number;
  /** The first 64 bytes, for sniffing a format. */
  head: Uint8Array;
  /** The form's text fields. */
  fields: Record<string, string>;
}

export interface UploadOptions {
  /** DATA_DIR: the temporary file goes to `<dataDir>/files/tmp` (the files module's store is on the same disk). */
  dataDir: string;
  /** The largest file the page takes; the request may be `envelope` bytes larger (multipart headers, fields). */
  maxFileBytes: number;
  /** Room above `maxFileBytes` for the rest of the request; 64 KiB unless told. */
  envelope?: number;
  /** The message when no file was chosen (422); a generic "choose a file" unless told. */
  noFileKey?: MessageKey;
  /** Filled with the form's text fields as soon as they are read, so an error path can re-render them. */
  fields?: Record<string, string>;
}

/** Saves the request's `file` part, runs `use` on it and removes the temporary file whatever happens. */
export async function withUpload<T>(
  request: Request,
  opts: UploadOptions,
  use: (upload: ReceivedUpload) => Promise<T>,
): Promise<T> {
  const dir = join(opts.dataDir, 'files', 'tmp');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${randomUUID()}.upload`);
  try {
    const saved = await saveMultipartUpload(request, {
      maxBytes: opts.maxFileBytes + (opts.envelope ?? 64 * 1024),
      fileField: 'file',
      filePath: path,
    });
    if (opts.fields) Object.assign(opts.fields, saved.fields);
    if (!saved.file) throw new AppError('files.missing', 422, opts.noFileKey ?? 'upload.error.noFile');
    if (saved.file.size === 0) throw new AppError('files.empty', 422, 'files.error.empty');
    return await use({
      path,
      fileName: saved.file.fileName,
      rawName: saved.file.rawName,
      size: saved.file.size,
      head: saved.file.head,
      fields: saved.fields,
    });
  } finally {
    await rm(path, { force: true });
  }
}
