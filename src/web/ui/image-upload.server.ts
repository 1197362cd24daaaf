// Reading an image upload form (multipart, streamed to a temp file under DATA_DIR) and turning its failures
// into the form's messages. The temp file is handed to a use case, which always removes it.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppDeps } from '../../app/deps.types.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import { saveMultipartUpload } from '../../lib/multipart.server.ts';
import { MAX_BYTES } from '../../modules/files/files.validate.server.ts';
import { newUploadPath } from '../../modules/files/index.server.ts';

export interface ImageUpload {
  tempPath: string;
  fileName: string;
  fields: Record<string, string>;
}

/** The uploaded file and text fields; 422 when no file was chosen (nothing left on disk then). */
export async function readImageUpload(deps: Pick<AppDeps, 'config'>, request: Request): Promise<ImageUpload> {
  const tempPath = await newUploadPath(join(deps.config.dataDir, 'files', 'tmp'));
  try {
    // A little above the files module's limit so it, not the parser, reports an oversized image clearly.
    const upload = await saveMultipartUpload(request, {
      maxBytes: MAX_BYTES.image + 64 * 1024,
      fileField: 'file',
      filePath: tempPath,
    });
    if (!upload.file || upload.file.size === 0)
      throw new AppError('files.missing', 422, 'exhibitions.error.noFile');
    return { tempPath, fileName: upload.file.fileName || 'image', fields: upload.fields };
  } catch (e) {
    await rm(tempPath, { force: true });
    throw e;
  }
}

/** Which input an upload failure belongs to: the alt text, or the file. */
export function uploadErrorField(e: unknown, prefix: string): string | undefined {
  if (!isAppError(e)) return undefined;
  if (e.messageKey === 'exhibitions.error.altRequired') return `${prefix}-alt-vi`;
  if (e.status === 413 || e.status === 422 || e.status === 415) return `${prefix}-file`;
  return undefined;
}
