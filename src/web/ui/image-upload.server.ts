// Receiving an image upload form (multipart, streamed to a temp file under DATA_DIR, src/lib/upload.server.ts)
// for a use case, and turning its failures into the form's messages. The temp file is removed afterwards,
// whatever the use case did.
import type { AppDeps } from '../../app/deps.types.ts';
import { isAppError } from '../../lib/errors.ts';
import { withUpload } from '../../lib/upload.server.ts';
import { MAX_BYTES } from '../../modules/files/files.validate.server.ts';

export interface ImageUpload {
  tempPath: string;
  fileName: string;
  fields: Record<string, string>;
}

/** Runs `use` on the uploaded image and text fields; 422 when no file was chosen. */
export function withImageUpload<T>(
  deps: Pick<AppDeps, 'config'>,
  request: Request,
  use: (upload: ImageUpload) => Promise<T>,
): Promise<T> {
  // The files module checks the image's own limit, so it, not the parser, reports an oversized image clearly.
  const opts = {
    dataDir: deps.config.dataDir,
    maxFileBytes: MAX_BYTES.image,
    noFileKey: 'exhibitions.error.noFile',
  } as const;
  return withUpload(request, opts, (u) =>
    use({ tempPath: u.path, fileName: u.fileName || 'image', fields: u.fields }),
  );
}

/** Which input an upload failure belongs to: the alt text, or the file. */
export function uploadErrorField(e: unknown, prefix: string): string | undefined {
  if (!isAppError(e)) return undefined;
  if (e.messageKey === 'exhibitions.error.altRequired') return `${prefix}-alt-vi`;
  if (e.status === 413 || e.status === 422 || e.status === 415) return `${prefix}-file`;
  return undefined;
}
